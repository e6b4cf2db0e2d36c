// A loopback forward proxy for the MCP conformance suite, whose client cannot send an Authorization
// header: every request to it is passed to the target server unchanged (method, path, body, and the
// Host and Origin headers, so the server's DNS-rebinding checks see what the suite sent) with
// `Authorization: Bearer $JOINERY_TOKEN` added. Responses (SSE included) stream back as they come.
// Usage: JOINERY_TOKEN=... node auth-proxy.mjs <target-url>; prints its own base URL on stdout.

import { createServer, request } from 'node:http';

const target = new URL(process.argv[2] ?? '');
const token = process.env.JOINERY_TOKEN ?? '';
const server = createServer((incoming, outgoing) => {
  const headers = { ...incoming.headers, authorization: `Bearer ${token}` };
  const forwarded = request({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
    outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(outgoing);
  });
  forwarded.on('error', (error) => {
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
    outgoing.end(`proxy: ${error.message}`);
  });
  incoming.pipe(forwarded);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`http://localhost:${port}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
