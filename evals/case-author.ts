// Who writes the function for a case. The model author runs the Functions Author's tool loop, exactly as
// `joinery author` does, on the requirement text alone: the hidden fixtures never reach it. The reference
// author hands back the case's known-correct solution, to check the hidden fixtures themselves.

import { readFileSync } from 'node:fs';
import { authorFunction, instantiateTemplate, readTemplateParams, ZERO_USAGE, type ModelClient, type TemplateEntry } from '../agent/index.ts';
import type { Toolchain } from '../core/pipeline/index.ts';
import type { EvalCase } from './cases-schema.ts';
import type { AuthoredCase } from './score.ts';

export interface CaseAuthor {
  provider: string;
  model: string;
  author(evalCase: EvalCase, onProgress: (message: string) => void): Promise<AuthoredCase>;
}

export function createModelAuthor({ model, toolchain, templates, maxTurns }: { model: ModelClient; toolchain: Toolchain; templates: TemplateEntry[]; maxTurns?: number }): CaseAuthor {
  return {
    provider: model.provider,
    model: model.model,
    async author(evalCase, onProgress) {
      // A fresh draft per case: no `previous`, so nothing carries over from the case before.
      const result = await authorFunction({
        requirement: evalCase.requirement,
        name: evalCase.id,
        model,
        toolchain,
        templates,
        ...(maxTurns === undefined ? {} : { maxTurns }),
        onProgress: ({ message }) => onProgress(message),
      });
      return { ok: result.ok, stop: result.stop, reason: result.reason, source: result.draft.source, turns: result.turns, usage: result.usage, costUsd: result.costUsd };
    },
  };
}

/** The first line of a reference file, needed because the project's tsc cannot resolve '@joinery/sdk'. */
export const REFERENCE_HEADER = /^\/\/ @ts-nocheck[^\n]*\n/;

export function createReferenceAuthor({ templates }: { templates: TemplateEntry[] }): CaseAuthor {
  const missing = (reason: string): AuthoredCase => ({ ok: false, stop: 'no-reference', reason, turns: 0, usage: ZERO_USAGE, costUsd: 0 });
  return {
    provider: 'reference',
    model: 'reference',
    async author(evalCase) {
      const reference = evalCase.reference;
      if (reference === undefined) return missing('the case has no reference solution');
      if (reference.source !== undefined) {
        // The pipeline type-checks it for real once the header that silences the project's tsc is gone.
        const source = readFileSync(reference.source, 'utf8').replace(REFERENCE_HEADER, '');
        return { ok: true, stop: 'finished', reason: 'reference solution', source, turns: 0, usage: ZERO_USAGE, costUsd: 0 };
      }
      const template = templates.find((candidate) => candidate.family === reference.template);
      if (template === undefined) return missing(`the template "${reference.template}" is not installed`);
      const params = { ...readTemplateParams(template.source), ...reference.params, functionName: evalCase.id };
      return { ok: true, stop: 'finished', reason: `template ${reference.template} with the case's parameters`, source: instantiateTemplate(template.source, params), turns: 0, usage: ZERO_USAGE, costUsd: 0 };
    },
  };
}
