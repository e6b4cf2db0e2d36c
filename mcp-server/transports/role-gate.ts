// Over HTTP, a tools/call the token's role may not make is refused at the door with 403 (the body is
// the same isError FORBIDDEN result the tool would give, for the same request id), and audited. The
// boundary checks the role again for every call, over every transport. A batch with any refused call is
// refused whole.

import type { Registry } from '../../core/registry/types.ts';
import { auditDenial, auditTarget, mayUse, roleDenialMessage } from '../boundary/permissions.ts';
import { principalOf } from '../boundary/principal.ts';
import { errorResult } from '../boundary/tool-result.ts';
import { TOOLS } from '../tools/index.ts';
import type { Handler } from './http-types.ts';

export function roleGate(registry: Registry, log: (line: string) => void): Handler {
  const rolesByTool = new Map(TOOLS.map((tool) => [tool.name, tool.roles]));
  return (request, response, next) => {
    const principal = principalOf({ authInfo: request.auth }, {});
    const messages = Array.isArray(request.body) ? request.body : [request.body];
    const refused = [];
    for (const message of messages) {
      const call = toolCallOf(message);
      const allowed = call && rolesByTool.get(call.name);
      if (!call || !allowed || !principal || mayUse(principal.role, allowed)) continue;
      auditDenial(registry, { actor: principal.name, action: call.name, target: auditTarget(call.arguments), detail: { reason: 'role', role: principal.role, allowedRoles: allowed, transport: 'http' } }, log);
      refused.push({ jsonrpc: '2.0', id: call.id, result: errorResult('FORBIDDEN', roleDenialMessage(principal, call.name, allowed)) });
    }
    if (refused.length === 0) return next();
    response.status(403).json(Array.isArray(request.body) ? refused : refused[0]);
  };
}

function toolCallOf(message: unknown): { id: unknown; name: string; arguments: unknown } | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { method, params, id } = message as { method?: unknown; params?: { name?: unknown; arguments?: unknown }; id?: unknown };
  if (method !== 'tools/call' || typeof params?.name !== 'string') return undefined;
  return { id: id ?? null, name: params.name, arguments: params.arguments };
}
