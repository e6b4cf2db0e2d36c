// The Functions Author: model providers, the tool loop, the offline author and the templates it uses.

export { authorFunction, type AuthorOptions, type AuthorResult, type StopReason } from './loop/author-function.ts';
export { answersFromKeys, authorWithAnswers } from './loop/author-with-answers.ts';
export { choiceFor, clarifyingQuestionSchema, splitAnswers, withClarifications, type ClarifyingQuestion } from './questions/index.ts';
export { isDone, type Draft } from './loop/draft.ts';
export { renderSpec, specSchema, type FunctionSpec } from './loop/spec.ts';
export { createOfflineModel, OFFLINE_MODEL_NAME } from './offline/offline-model.ts';
export { analyseRequirement } from './offline/analyse-requirement.ts';
export { accountingGaps } from './offline/accounting/account-clauses.ts';
export { describeToken } from './offline/accounting/render-accounting.ts';
export { RECOGNIZERS } from './offline/families/index.ts';
export * from './model/index.ts';
export { selectModel, type ProviderName } from './select-model.ts';
export { conventionsText, instantiateTemplate, loadTemplates, readTemplateParams, type TemplateEntry } from './templates/index.ts';
