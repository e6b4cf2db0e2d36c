// review_function's MCP App (@modelcontextprotocol/ext-apps): one `ui://` HTML resource, served as
// `text/html;profile=mcp-app`, which a client with app support renders inline for a review_function
// call without a decision. It needs nothing from the network (CSP: no connect or resource domains).

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { RESOURCE_MIME_TYPE, registerAppResource } from '@modelcontextprotocol/ext-apps/server';
import { REVIEW_APP_SCRIPT } from './review-app-script.ts';

const STYLE = `body { font: 14px/1.45 system-ui, sans-serif; margin: 0; padding: .8rem; color: #1d2433; }
h1 { font-size: 1.2rem; } h2 { font-size: 1rem; margin: 1.2rem 0 .4rem; } .muted { color: #5b6475; } .small { font-size: .85rem; }
.mono, pre { font: 12px/1.4 ui-monospace, Menlo, monospace; } .pre { white-space: pre-line; }
.badge { background: #fff4d6; color: #7a5300; border-radius: 999px; padding: 0 .5rem; margin-right: .3rem; font-size: .8rem; }
.requirement { background: #f3f6ff; border-left: 4px solid #2f5bd3; padding: .5rem .8rem; white-space: pre-wrap; }
.add { background: #e6f6ea; } .del { background: #fdecec; } .before { background: #fdecec; } .after { background: #e6f6ea; }
table { border-collapse: collapse; width: 100%; } td { border-bottom: 1px solid #d9dee8; padding: .3rem .4rem; vertical-align: top; }
textarea { width: 100%; min-height: 3rem; } button { margin: .4rem .4rem 0 0; padding: .35rem .9rem; border-radius: 6px; border: 0; color: #fff; }
button.approve { background: #1f7a3a; } button.reject { background: #a12020; } .error { color: #a12020; } .notice { color: #17692f; }`;

const REVIEW_APP_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Joinery review</title><style>${STYLE}</style></head>
<body><main id="root"><p class="muted">Loading the review page…</p></main><script>${REVIEW_APP_SCRIPT}</script></body></html>`;

/** `uri` is the one review_function's listing names (tools/review-function.ts REVIEW_APP_URI). */
export function registerReviewApp(server: McpServer, uri: string): void {
  registerAppResource(
    server,
    'review-app',
    uri,
    {
      title: 'Review page',
      description: "review_function's review page (MCP App)",
    },
    async () => ({
      contents: [
        {
          uri,
          mimeType: RESOURCE_MIME_TYPE,
          text: REVIEW_APP_HTML,
          _meta: {
            ui: {
              csp: { connectDomains: [], resourceDomains: [] },
              prefersBorder: true,
            },
          },
        },
      ],
    }),
  );
}
