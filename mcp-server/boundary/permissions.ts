// The role check every tool call passes (over any transport), and the denial that goes with it.

import type { Registry } from '../../core/registry/types.ts';
import type { Role } from '../../core/tokens/index.ts';
import type { Principal } from '../deps.ts';

/** The local `admin` may use every tool; anyone else needs one of the tool's roles. */
export function mayUse(role: Role, allowed: readonly Role[]): boolean {
  return role === 'admin' || allowed.includes(role);
}

export function roleDenialMessage(principal: Principal, tool: string, allowed: readonly Role[]): string {
  return `${principal.name} (role ${principal.role}) may not call ${tool}; it needs the role ${allowed.join(' or ')}`;
}

/** Every denial is written to the audit trail; a failing audit write must not hide the denial. */
export function auditDenial(
  registry: Registry,
  { actor, action, target, detail }: { actor: string; action: string; target: string | null; detail: Record<string, unknown> },
  log: (line: string) => void,
): void {
  try {
    registry.recordAudit({ actor, action, target, allowed: false, detail });
  } catch (error) {
    log(`joinery mcp: could not record a denial in the audit trail: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** What a denial names as its target: `name@version` or `name` when the arguments carry them. */
export function auditTarget(args: unknown): string | null {
  if (typeof args !== 'object' || args === null) return null;
  const { name, version, draft } = args as Record<string, unknown>;
  const label = typeof name === 'string' ? name : typeof draft === 'string' ? `draft:${draft}` : null;
  if (label === null) return null;
  const shown = label.length > 100 ? `${label.slice(0, 100)}…` : label;
  return typeof version === 'number' ? `${shown}@${version}` : shown;
}
