export { instantiateTemplate, loadTemplates, PARAMS_END, PARAMS_START, readTemplateParams, type TemplateEntry } from './template-catalog.ts';
export { conventionsText } from './conventions.ts';
