// The review console, served by `joinery serve` at /: server-rendered pages for reviewers, operators
// and auditors (inbox, version, executions, events, audit). `handle` answers the console's routes and
// returns false for any other path, so the runtime's API keeps its own.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONSOLE_CSS } from './assets/console-css.ts';
import { CONSOLE_JS } from './assets/console-js.ts';
import { createBehaviourCache } from './behaviour-cache.ts';
import type { ConsoleDeps } from './console-deps.ts';
import type { ConsoleContext } from './http/console-context.ts';
import { sendAsset } from './http/page-response.ts';
import { exportAudit, replayEvent, showAudit, showEvents, showExecution, showExecutions } from './routes/operations-routes.ts';
import { reviewVersion, showInbox, showVersion } from './routes/review-routes.ts';
import { reviewFlowVersion, showFlows, showFlowVersion } from './routes/flow-routes.ts';
import { finishOidcSignIn, startOidcSignIn } from './routes/oidc-routes.ts';
import { showSignIn, signIn, signOut } from './routes/sign-in-routes.ts';
import { createPendingSignIns } from './session/pending-sign-ins.ts';
import { createSessionStore } from './session/session-store.ts';

export interface Console {
  /** True when the request was a console route (answered, or being answered); false to fall through. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
}

const VERSION_PATH = /^\/functions\/([^/]+)\/versions\/([1-9][0-9]{0,8})(\/review)?$/;
const EXECUTION_PATH = /^\/executions\/([1-9][0-9]{0,15})$/;
const FLOW_PATH = /^\/flows\/([^/]+)\/versions\/([1-9][0-9]{0,8})(\/review)?$/;
const REPLAY_PATH = /^\/events\/([^/]+)\/replay$/;

export function createConsole(deps: ConsoleDeps): Console {
  const now = deps.now ?? Date.now;
  const sessions = createSessionStore({
    now,
    ...(deps.sessionIdleMs ? { idleMs: deps.sessionIdleMs } : {}),
    ...(deps.sessionMaxAgeMs ? { maxAgeMs: deps.sessionMaxAgeMs } : {}),
  });
  const pendingSignIns = createPendingSignIns({ now });
  const behaviour = deps.behaviour ? createBehaviourCache(deps.registry, deps.behaviour) : undefined;

  return {
    async handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://console.invalid');
      const method = request.method ?? 'GET';
      const context: ConsoleContext = {
        request,
        response,
        method,
        path: url.pathname,
        query: url.searchParams,
        deps,
        sessions,
        now: now(),
      };
      const get = method === 'GET' || method === 'HEAD';
      const post = method === 'POST';
      const path = url.pathname;

      if (get && path === '/console.css') return answered(sendAsset(response, CONSOLE_CSS, 'text/css; charset=utf-8'));
      if (get && path === '/console.js') return answered(sendAsset(response, CONSOLE_JS, 'text/javascript; charset=utf-8'));
      if (get && path === '/sign-in') return answered(showSignIn(context));
      if (post && path === '/sign-in') return answered(await signIn(context));
      if (get && path === '/sign-in/oidc') return answered(await startOidcSignIn(context, pendingSignIns));
      if (get && path === '/sign-in/oidc/callback') return answered(await finishOidcSignIn(context, pendingSignIns));
      if (post && path === '/sign-out') return answered(await signOut(context));
      if (get && (path === '/' || path === '/inbox')) return answered(showInbox(context));
      const version = VERSION_PATH.exec(path);
      if (version?.[1] !== undefined) {
        const name = safeDecode(version[1]);
        const number = Number(version[2]);
        if (get && version[3] === undefined) return answered(await showVersion(context, name, number, behaviour));
        if (post && version[3] !== undefined) return answered(await reviewVersion(context, name, number));
      }
      if (get && path === '/flows') return answered(showFlows(context));
      const flow = FLOW_PATH.exec(path);
      if (flow?.[1] !== undefined) {
        const name = safeDecode(flow[1]);
        if (get && flow[3] === undefined) return answered(showFlowVersion(context, name, Number(flow[2])));
        if (post && flow[3] !== undefined) return answered(await reviewFlowVersion(context, name, Number(flow[2])));
      }
      if (get && path === '/executions') return answered(showExecutions(context));
      const execution = EXECUTION_PATH.exec(path);
      if (get && execution?.[1] !== undefined) return answered(showExecution(context, Number(execution[1])));
      if (get && path === '/events') return answered(await showEvents(context));
      const replay = REPLAY_PATH.exec(path);
      if (post && replay?.[1] !== undefined) return answered(await replayEvent(context, safeDecode(replay[1])));
      if (get && path === '/audit') return answered(showAudit(context));
      if (get && path === '/audit/export') return answered(await exportAudit(context));
      return false;
    },
  };
}

/** Routes answer the response themselves; this marks the request as taken. */
function answered(_done: unknown): true {
  return true;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
