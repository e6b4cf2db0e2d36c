// The review console's two costs (issue 14's bounds): the version page of a version with a 300-line diff
// and 50 fixtures, rendered server-side (target p50 ≤ 50 ms), both as the render alone and as a whole
// GET through `joinery serve` with the behavioural diff cached; and the behavioural diff itself over those
// 50 fixtures and 100 recent recorded events, both versions in the sandbox (target p50 ≤ 2 s).
// Run: node --no-node-snapshot --import tsx bench/console-pages.ts  (or npm run bench -- --only console)

import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createSqliteAuditTrail } from '../core/audit/index.ts';
import { createTypeChecker } from '../core/build/index.ts';
import { createSqliteDirectory } from '../core/directory/index.ts';
import { diffBehaviour } from '../core/diff/index.ts';
import { createSqliteEventQueue } from '../core/events/index.ts';
import { publishFunction } from '../core/pipeline/index.ts';
import { createSqliteRegistry } from '../core/registry/index.ts';
import { openDatabase } from '../core/store/index.ts';
import { createSqliteTokenStore } from '../core/tokens/index.ts';
import { createExecutor } from '../sandbox/index.ts';
import { createLogger, startServer } from '../server/index.ts';
import { renderVersionPage } from '../server/console/index.ts';
import { joiner, usernameFixtures, usernameSource } from './console-username.ts';

const FIXTURES = 50;
const EVENTS = 100;

export async function benchConsole({ renders = 200, diffs = 5 }: { renders?: number; diffs?: number } = {}): Promise<Record<string, number>> {
  const db = openDatabase(':memory:');
  const registry = createSqliteRegistry(db);
  const directory = createSqliteDirectory(db);
  const runner = createExecutor({ concurrency: 2 });
  const toolchain = {
    checker: createTypeChecker(),
    runner,
    allowedPackages: [],
  };
  try {
    // 1. @1 active, @2 pending: 150 changed lines each way (a 300-line diff), 50 fixtures, 100 recent runs.
    const table = (value: string) => Array.from({ length: 150 }, (_, index) => `const TABLE_${index} = '${value}${index}';`).join('\n');
    for (const [version, oSlash, soren, value] of [
      [1, 'oe', 'soedegard', 'a'],
      [2, 'o', 'sodegard', 'b'],
    ] as const) {
      const published = await publishFunction({
        source: usernameSource({ oSlash, extra: table(value) }),
        fixturesText: usernameFixtures({ soren, count: FIXTURES }),
        author: version === 1 ? 'alice' : 'agent:functions-author',
        requestedBy: version === 1 ? null : 'alice',
        requirement: 'Danish ø is written as o.',
        toolchain,
        registry,
      });
      if (!published.ok) throw new Error(`publish @${version} failed: ${published.reason}`);
      if (version === 1)
        registry.review({
          name: 'generate-username',
          version: 1,
          reviewer: 'rita',
          decision: 'approved',
        });
    }
    for (let index = 0; index < EVENTS; index++) {
      registry.recordExecution({
        name: 'generate-username',
        version: 1,
        eventId: `evt-${index}`,
        input: joiner(`evt-${index}`, index % 10 === 0 ? 'Søren' : 'Maria', `Ødegård${'x'.repeat(index % 7)}`),
        outcome: { kind: 'returned', value: { username: 'x' } },
        logs: [],
        calls: [],
        durationMs: 3,
        caller: 'serve:hr',
        dryRun: false,
      });
    }
    const [active, candidate] = [registry.getVersion('generate-username', 1), registry.getVersion('generate-username', 2)];
    if (!active || !candidate) throw new Error('versions missing');
    const recordedEvents = registry.listExecutions('generate-username', { limit: EVENTS }).map((execution) => execution.input);

    // 2. The behavioural diff, computed afresh each round.
    const diffTimes: number[] = [];
    let diff = await diffBehaviour({
      active,
      candidate,
      recordedEvents,
      runner,
      directory,
      maxEvents: EVENTS,
      timeLimitMs: 60_000,
    });
    for (let round = 0; round < diffs; round++) {
      const started = performance.now();
      diff = await diffBehaviour({
        active,
        candidate,
        recordedEvents,
        runner,
        directory,
        maxEvents: EVENTS,
        timeLimitMs: 60_000,
      });
      diffTimes.push(performance.now() - started);
    }

    // 3. The page, rendered alone (brief + HTML) with that diff.
    const viewer = { name: 'rosa', role: 'reviewer' };
    const renderTimes: number[] = [];
    let bytes = 0;
    for (let round = 0; round < renders; round++) {
      const started = performance.now();
      bytes = renderVersionPage({
        registry,
        name: 'generate-username',
        version: 2,
        viewer,
        diff,
      }).length;
      renderTimes.push(performance.now() - started);
    }

    // 4. The page as a browser gets it: GET through joinery serve, signed in, the diff cached.
    const tokens = createSqliteTokenStore(db);
    const server = await startServer({
      queue: createSqliteEventQueue(db),
      tokens,
      registry,
      port: 0,
      workers: 1,
      runStep: async () => {
        throw new Error('unused');
      },
      logger: createLogger({
        destination: new Writable({
          write: (_chunk, _encoding, done) => done(),
        }),
      }),
      console: {
        auditTrail: createSqliteAuditTrail(db),
        behaviour: {
          runner,
          directory,
          maxEvents: EVENTS,
          timeLimitMs: 60_000,
        },
      },
    });
    const getTimes: number[] = [];
    try {
      const cookie = await signIn(server.url, tokens.create({ name: 'rosa', role: 'reviewer', lifetimeMs: 3_600_000 }).token);
      const path = `${server.url}/functions/generate-username/versions/2`;
      await (await fetch(path, { headers: { cookie } })).text();
      for (let round = 0; round < renders; round++) {
        const started = performance.now();
        const response = await fetch(path, { headers: { cookie } });
        await response.text();
        getTimes.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`GET answered ${response.status}`);
      }
    } finally {
      await server.stop({ deadlineMs: 1_000 });
    }
    const figures = {
      diffLines: 300,
      fixtures: FIXTURES,
      events: EVENTS,
      casesCompared: diff.compared,
      casesChanged: diff.changed.length,
      pageBytes: bytes,
      renderP50Ms: percentile(renderTimes, 0.5),
      renderP90Ms: percentile(renderTimes, 0.9),
      getP50Ms: percentile(getTimes, 0.5),
      getP90Ms: percentile(getTimes, 0.9),
      behaviouralDiffP50Ms: percentile(diffTimes, 0.5),
      behaviouralDiffP90Ms: percentile(diffTimes, 0.9),
    };
    console.log(
      `version page (300-line diff, ${FIXTURES} fixtures, ${bytes} bytes): ` +
        `render p50 ${figures.renderP50Ms.toFixed(1)} ms p90 ${figures.renderP90Ms.toFixed(1)} ms; ` +
        `GET p50 ${figures.getP50Ms.toFixed(1)} ms p90 ${figures.getP90Ms.toFixed(1)} ms (target p50 ≤ 50 ms)`,
    );
    console.log(
      `behavioural diff (${diff.compared} cases: ${diff.fixtures} fixtures + ${diff.events} events, ${diff.changed.length} changed, 2 executor processes): ` +
        `p50 ${figures.behaviouralDiffP50Ms.toFixed(0)} ms p90 ${figures.behaviouralDiffP90Ms.toFixed(0)} ms (target p50 ≤ 2000 ms)`,
    );
    return figures;
  } finally {
    await toolchain.checker.close();
    await runner.close();
    db.close();
  }
}

async function signIn(url: string, token: string): Promise<string> {
  const form = await fetch(`${url}/sign-in`);
  const signInCookie = (form.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const answer = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: signInCookie,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ csrf, token, next: '/' }),
  });
  const session = answer.headers.getSetCookie().find((line) => line.startsWith('joinery_session='));
  if (!session) throw new Error(`sign-in failed: ${answer.status}`);
  return session.split(';')[0] ?? '';
}

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchConsole();
