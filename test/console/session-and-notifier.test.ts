// Console sessions expire when idle and at their absolute limit; review notifications go out once per
// pending version (kept in the audit trail, so a restart does not repeat them), failed ones are retried,
// and Slack markup in names and rules is written as text.

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createSqliteAuditTrail } from '../../core/audit/index.ts';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { slackMessage, startReviewNotifier } from '../../server/console/index.ts';
import { createSessionStore, sameToken } from '../../server/console/session/session-store.ts';
import { createLogger } from '../../server/index.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';

describe('console sessions', () => {
  it('end after the idle time, and at the absolute limit even when used', () => {
    let now = 0;
    const store = createSessionStore({
      idleMs: 1_000,
      maxAgeMs: 5_000,
      now: () => now,
    });
    const principal = {
      name: 'rita',
      role: 'reviewer',
      source: 'mcp-token' as const,
    };
    const idle = store.create({ principal, token: 't' });
    now = 1_001;
    expect(store.get(idle.id)).toBeUndefined();
    const busy = store.create({ principal, token: 't' });
    for (now = 1_500; now < 6_000; now += 500) expect(store.get(busy.id)?.id).toBe(busy.id);
    now = 6_600;
    expect(store.get(busy.id)).toBeUndefined();
    expect(busy.csrf).not.toBe(busy.id);
    expect([sameToken('a', 'a'), sameToken('a', 'b'), sameToken('a', undefined), sameToken('ab', 'a')]).toEqual([true, false, false, false]);
  });
});

describe('review notifications', () => {
  function setup() {
    const db = openDatabase(':memory:');
    const registry = createSqliteRegistry(db);
    registry.publish(
      samplePublishInput({
        name: 'offboard',
        manifest: {
          name: 'offboard',
          description: 'x',
          trigger: 'user.left',
          egress: ['graph.microsoft.com'],
          secrets: [],
        },
      }),
    );
    const logger = createLogger({
      destination: new Writable({ write: (_chunk, _encoding, done) => done() }),
    });
    return { registry, auditTrail: createSqliteAuditTrail(db), logger };
  }

  it('posts once per pending version, remembered across restarts, retrying after a failure', async () => {
    const { registry, auditTrail, logger } = setup();
    const bodies: string[] = [];
    let status = 500;
    const post = async (_url: string, body: string) => {
      bodies.push(body);
      return { status };
    };
    const first = startReviewNotifier({
      registry,
      auditTrail,
      logger,
      webhookUrl: 'https://hooks.example/x',
      consoleUrl: 'https://joinery.example',
      post,
      intervalMs: 3_600_000,
    });
    expect(await first.runOnce()).toBe(0);
    status = 200;
    expect(await first.runOnce()).toBe(1);
    await first.stop();
    const again = startReviewNotifier({
      registry,
      auditTrail,
      logger,
      webhookUrl: 'https://hooks.example/x',
      post,
      intervalMs: 3_600_000,
    });
    expect(await again.runOnce()).toBe(0);
    await again.stop();
    const message = JSON.parse(bodies.at(-1) ?? '{}');
    expect(message.text).toContain('offboard@1 waits for review');
    expect(message.text).toContain('leaver function');
    expect(message.blocks[0].text.text).toContain('<https://joinery.example/functions/offboard/versions/1|Review it>');
    expect(
      registry
        .listAudit()
        .filter((entry) => entry.action === 'review.notified')
        .map((entry) => entry.target),
    ).toEqual(['offboard@1']);
  });

  it('writes Slack markup in names as text', () => {
    const item = {
      name: 'x',
      version: 1,
      description: '',
      author: '<!channel> alice',
      requestedBy: '<https://evil|click>',
      createdAt: '',
      activeVersion: null,
      reach: {
        egress: { added: [], removed: [] },
        secrets: { added: [], removed: [] },
      },
      badges: [],
    };
    expect(slackMessage(item).text).toBe('x@1 waits for review (by &lt;!channel&gt; alice for &lt;https://evil|click&gt;)');
  });
});
