// The review page as data, for review_function called without a decision: what the console's version
// page shows (core/review's brief and core/diff's behavioural diff), as JSON the MCP App
// (resources/review-app.ts) renders inline and clients without app support read as text.

import * as z from 'zod';
import { diffBehaviour, formatUnifiedDiff } from '../../core/diff/index.ts';
import { buildReviewBrief } from '../../core/review/index.ts';
import type { VersionRecord } from '../../core/registry/index.ts';
import type { McpServerDeps, Principal } from '../deps.ts';

const setChange = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
});

export const reviewPageSchema = z.object({
  status: z.string(),
  description: z.string(),
  author: z.string(),
  requestedBy: z.string().nullable(),
  requirement: z.string().nullable(),
  spec: z.string().nullable(),
  compareTo: z.number().int().nullable(),
  sourceDiff: z.string(),
  reach: z.object({ egress: setChange, secrets: setChange }),
  badges: z.array(z.string()),
  fixtures: z.array(
    z.object({
      name: z.string(),
      input: z.array(z.tuple([z.string(), z.string()])),
      setting: z.array(z.string()),
      expected: z.object({ kind: z.string(), text: z.string() }),
    }),
  ),
  tests: z.object({ passed: z.number(), failed: z.number() }).nullable(),
  behaviour: z
    .object({
      from: z.number().int(),
      to: z.number().int(),
      compared: z.number().int(),
      fixtures: z.number().int(),
      events: z.number().int(),
      skipped: z.number().int(),
      timedOut: z.boolean(),
      changed: z.array(
        z.object({
          label: z.string(),
          source: z.string(),
          changes: z.array(
            z.object({
              path: z.string(),
              before: z.string().optional(),
              after: z.string().optional(),
            }),
          ),
        }),
      ),
    })
    .nullable(),
  mayReview: z.boolean(),
  reviewBlockedBecause: z.string().nullable(),
});

export async function reviewPage(deps: McpServerDeps, target: VersionRecord, principal: Principal): Promise<z.input<typeof reviewPageSchema>> {
  const brief = buildReviewBrief(deps.registry, {
    name: target.name,
    version: target.version,
    viewer: principal,
  });
  const active = deps.registry.getActiveVersion(target.name);
  const compared = active !== undefined && active.version !== target.version && brief.compareTo?.version === active.version;
  const behaviour = compared
    ? await diffBehaviour({
        active,
        candidate: target,
        recordedEvents: deps.registry.listExecutions(target.name, { limit: 200 }).map((execution) => execution.input),
        runner: deps.toolchain.runner,
        directory: deps.directory,
        ...(deps.toolchain.limits ? { limits: deps.toolchain.limits } : {}),
        maxEvents: 100,
        timeLimitMs: 10_000,
      })
    : null;
  return {
    status: target.status,
    description: target.manifest.description,
    author: target.author,
    requestedBy: target.requestedBy,
    requirement: target.requirement,
    spec: target.spec,
    compareTo: brief.compareTo?.version ?? null,
    sourceDiff: formatUnifiedDiff(brief.diff, {
      labels: [`${target.name}@${brief.compareTo?.version ?? 0}`, `${target.name}@${target.version}`],
    }),
    reach: brief.reach,
    badges: brief.badges,
    fixtures: brief.fixtures,
    tests: brief.testReport ? { passed: brief.testReport.passed, failed: brief.testReport.failed } : null,
    behaviour: behaviour
      ? {
          from: behaviour.from,
          to: behaviour.to,
          compared: behaviour.compared,
          fixtures: behaviour.fixtures,
          events: behaviour.events,
          skipped: behaviour.skipped,
          timedOut: behaviour.timedOut,
          changed: behaviour.changed,
        }
      : null,
    mayReview: brief.gate.mayReview,
    reviewBlockedBecause: brief.gate.reason,
  };
}
