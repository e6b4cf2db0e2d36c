// Flow versions: published immutable, four-eyes reviewed under the registry's rules, the active version
// per trigger; definitions checked field by field; conditions are data evaluated without surprises.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSqliteFlowStore,
  evaluateCondition,
  parseFlowDefinition,
  publishFlow,
  reviewFlow,
  type FlowDefinition,
  type FlowStore,
} from '../../core/flows/index.ts';
import { createSqliteRegistry, type Registry } from '../../core/registry/index.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';

const onboarding: FlowDefinition = {
  name: 'onboarding',
  trigger: 'user.joined',
  steps: [{ function: 'make-username' }, { function: 'grant-vpn', condition: { not: { path: 'person.employmentType', equals: 'contractor' } } }],
};

describe('flow store', () => {
  let db: SqliteDatabase;
  let flows: FlowStore;
  let registry: Registry;
  beforeEach(() => {
    db = openDatabase(':memory:');
    registry = createSqliteRegistry(db);
    flows = createSqliteFlowStore(db);
  });
  afterEach(() => closeDatabase(db));

  it('numbers versions, keeps them pending until a second person approves, then makes the approved one active', () => {
    const first = flows.publish({ definition: onboarding, author: 'alice@example.com', requestedBy: 'bob@example.com' });
    expect(first).toMatchObject({ name: 'onboarding', version: 1, status: 'pending_review', active: false, trigger: 'user.joined' });
    expect(flows.activeFlowsFor('user.joined')).toEqual([]);
    expectError(() => flows.review({ name: 'onboarding', version: 1, reviewer: ' Alice@Example.com', decision: 'approved' }), 'FORBIDDEN');
    expectError(() => flows.review({ name: 'onboarding', version: 1, reviewer: 'bob@example.com', decision: 'approved' }), 'FORBIDDEN');
    expect(flows.review({ name: 'onboarding', version: 1, reviewer: 'rita', decision: 'approved' })).toMatchObject({ status: 'approved', reviewer: 'rita', active: true });
    expectError(() => flows.review({ name: 'onboarding', version: 1, reviewer: 'sam', decision: 'rejected' }), 'CONFLICT');
    expect(flows.activeFlowsFor('user.joined').map((flow) => flow.version)).toEqual([1]);
    expect(flows.activeFlowsFor('user.left')).toEqual([]);

    flows.publish({ definition: { ...onboarding, steps: [{ function: 'make-username' }] }, author: 'alice@example.com' });
    flows.review({ name: 'onboarding', version: 2, reviewer: 'rita', decision: 'rejected' });
    expect(flows.activeFlowsFor('user.joined').map((flow) => flow.version)).toEqual([1]);
    expect(flows.listFlows()).toEqual([{ name: 'onboarding', trigger: 'user.joined', latestVersion: 2, latestStatus: 'rejected', activeVersion: 1 }]);
    expectError(() => flows.review({ name: 'onboarding', version: 9, reviewer: 'rita', decision: 'approved' }), 'NOT_FOUND');
  });

  it('refuses to rewrite or delete a version, even with hand-written SQL', () => {
    flows.publish({ definition: onboarding, author: 'alice@example.com' });
    expect(() => db.prepare("UPDATE flow_versions SET definition = '{}' WHERE name = 'onboarding'").run()).toThrow(/immutable/);
    expect(() => db.prepare("DELETE FROM flow_versions WHERE name = 'onboarding'").run()).toThrow(/never deleted/);
    flows.review({ name: 'onboarding', version: 1, reviewer: 'rita', decision: 'rejected' });
    expect(() => db.prepare("UPDATE flow_versions SET status = 'approved' WHERE name = 'onboarding'").run()).toThrow(/reviewed once/);
  });

  it('publishes only flows whose steps name published functions', () => {
    expectError(() => publishFlow({ definition: onboarding, author: 'alice', flows, registry, via: 'test' }), 'NOT_FOUND');
    registry.publish(samplePublishInput({ name: 'make-username' }));
    registry.publish(samplePublishInput({ name: 'grant-vpn' }));
    expect(publishFlow({ definition: onboarding, author: 'alice', flows, registry, via: 'test' }).version).toBe(1);
  });

  it('records publishing and every review, refused ones included, in the audit trail', () => {
    registry.publish(samplePublishInput({ name: 'make-username' }));
    registry.publish(samplePublishInput({ name: 'grant-vpn' }));
    publishFlow({ definition: onboarding, author: 'alice', flows, registry, via: 'test' });
    const audit = (entry: Parameters<Registry['recordAudit']>[0]) => registry.recordAudit(entry);
    const review = { flows, audit, via: 'test', name: 'onboarding', version: 1 };
    expectError(() => reviewFlow({ ...review, reviewer: 'alice', decision: 'approved' }), 'FORBIDDEN');
    reviewFlow({ ...review, reviewer: 'rita', decision: 'approved', comment: 'steps checked' });
    const entries = registry
      .listAudit()
      .filter((entry) => entry.action.startsWith('flow.'))
      .map(({ actor, action, target, allowed }) => ({ actor, action, target, allowed }));
    expect(entries).toEqual(expect.arrayContaining([
      { actor: 'alice', action: 'flow.publish', target: 'onboarding@1', allowed: true },
      { actor: 'alice', action: 'flow.review', target: 'onboarding@1', allowed: false },
      { actor: 'rita', action: 'flow.review', target: 'onboarding@1', allowed: true },
    ]));
    expect(entries).toHaveLength(3);
  });

  it.each([
    ['an unknown key', { ...onboarding, stpes: [] }, /stpes/],
    ['no steps', { ...onboarding, steps: [] }, /steps/],
    ['a function twice', { ...onboarding, steps: [{ function: 'a' }, { function: 'a' }] }, /once/],
    ['a bad function name', { ...onboarding, steps: [{ function: 'Make Username' }] }, /steps\.0\.function/],
    ['code as a condition', { ...onboarding, steps: [{ function: 'a', condition: 'event.person.x === 1' }] }, /condition/],
    ['an unknown operator', { ...onboarding, steps: [{ function: 'a', condition: { path: 'x', matches: '.*' } }] }, /condition/],
    ['not an object', 'onboarding', /flow/],
  ])('refuses a definition with %s', (_label, definition, message) => {
    expect(() => parseFlowDefinition(definition)).toThrow(message);
    expectError(() => parseFlowDefinition(definition), 'INVALID_INPUT');
  });
});

describe('flow conditions', () => {
  const input = { person: { employmentType: 'contractor', department: 'Sales' }, steps: { 'make-username': { username: 'jsmith' } } };
  it.each([
    [{ path: 'person.employmentType', equals: 'contractor' }, true],
    [{ path: 'person.employmentType', equals: 'employee' }, false],
    [{ path: 'person.department', in: ['Sales', 'Support'] }, true],
    [{ path: 'steps.make-username.username', equals: 'jsmith' }, true],
    [{ path: 'steps.grant-vpn', exists: false }, true],
    [{ path: 'person.missing', equals: null }, false],
    [{ path: 'person.__proto__', exists: true }, false],
    [{ path: 'person.constructor', exists: true }, false],
    [{ not: { path: 'person.employmentType', equals: 'contractor' } }, false],
    [{ all: [{ path: 'person.department', equals: 'Sales' }, { path: 'person.employmentType', equals: 'contractor' }] }, true],
    [{ any: [{ path: 'person.department', equals: 'HR' }, { path: 'person.employmentType', equals: 'employee' }] }, false],
  ])('%j is %s', (condition, expected) => {
    expect(evaluateCondition(parseFlowDefinition({ name: 'f', trigger: 'user.joined', steps: [{ function: 'a', condition }] }).steps[0]?.condition ?? { not: { all: [] } }, input)).toBe(expected);
  });
});
