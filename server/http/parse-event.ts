// A request body as a lifecycle event: JSON, an object, and valid under the schema fixtures use for their
// inputs (core/fixtures), so what runs live is exactly what could have been tested.

import { JoineryError } from '../../core/errors.ts';
import { lifecycleEventSchema } from '../../core/fixtures/index.ts';

export interface ParsedEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

/** INVALID_INPUT naming the first few problems, with their paths. */
export function parseLifecycleEvent(body: Buffer): ParsedEvent {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new JoineryError('INVALID_INPUT', 'the body is not valid JSON');
  }
  return checkLifecycleEvent(value, 'the body');
}

/** The same checks for a value already parsed (a webhook mapping's output). */
export function checkLifecycleEvent(value: unknown, what: string): ParsedEvent {
  const parsed = lifecycleEventSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    throw new JoineryError('INVALID_INPUT', `${what} is not a lifecycle event (see docs/contract.md): ${problems.join('; ')}`);
  }
  const event = parsed.data;
  if (event.id.trim().length === 0 || event.id.length > 200) throw new JoineryError('INVALID_INPUT', `${what}: id: must be 1-200 characters`);
  return { id: event.id, type: event.type, payload: event as Record<string, unknown> };
}
