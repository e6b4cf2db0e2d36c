export { instantiateTemplate, loadTemplates, readTemplateParams, type TemplateEntry } from './template-catalog.ts';
