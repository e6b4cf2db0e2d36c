// A test-only MCP Apps host page: an http server on a loopback port serving /host.html, which frames
// /app.html (the `ui://joinery/review` resource text) and plays the host side of the postMessage protocol:
// it answers ui/initialize, then, on ui/notifications/initialized, sends ui/notifications/tool-result
// with the given review_function result. Every request the app sends is kept in `window.fromApp`; a
// tools/call is passed to `window.callTool` (exposed by the test) and its answer posted back.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const HOST_SCRIPT = `
window.fromApp = [];
const frame = document.getElementById('app');
const reply = (message) => frame.contentWindow.postMessage(message, '*');
window.addEventListener('message', async (event) => {
  if (event.source !== frame.contentWindow) return;
  const message = event.data;
  window.fromApp.push(message);
  if (message.method === 'ui/initialize') {
    const hostInfo = { name: 'test-host', version: '1' };
    reply({ jsonrpc: '2.0', id: message.id, result: { protocolVersion: message.params.protocolVersion, hostInfo, hostCapabilities: {}, hostContext: {} } });
  } else if (message.method === 'ui/notifications/initialized') {
    reply({ jsonrpc: '2.0', method: 'ui/notifications/tool-result', params: window.toolResult });
  } else if (message.method === 'tools/call') {
    const result = await window.callTool(message.params);
    reply({ jsonrpc: '2.0', id: message.id, result });
  }
});`;

export async function startAppHost({ appHtml, toolResult }: { appHtml: string; toolResult: unknown }): Promise<{ url: string; close(): Promise<void> }> {
  const hostHtml = `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body>
<script>window.toolResult = ${JSON.stringify(toolResult).replace(/</g, '\\u003c')};</script>
<iframe id="app" src="/app.html" width="900" height="1400"></iframe><script>${HOST_SCRIPT}</script></body></html>`;
  const server: Server = createServer((request, response) => {
    const body = request.url === '/host.html' ? hostHtml : request.url === '/app.html' ? appHtml : undefined;
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/host.html`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
