// How the console answers: every response carries a strict Content-Security-Policy (no inline script or
// style, nothing from elsewhere, forms post only here, never framed) and is never cached, since pages
// hold personal data.

import type { ServerResponse } from 'node:http';
import type { SafeHtml } from '../html/safe-html.ts';

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-store',
};

export function sendPage(response: ServerResponse, status: number, page: SafeHtml, cookies: string[] = []): void {
  const body = page.text;
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}),
  });
  response.end(body);
}

/** 303: the browser follows with a GET, so a reload never sends a form twice. */
export function redirect(response: ServerResponse, location: string, cookies: string[] = []): void {
  response.writeHead(303, {
    ...SECURITY_HEADERS,
    location,
    'content-length': 0,
    ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}),
  });
  response.end();
}

export function sendAsset(response: ServerResponse, body: string, contentType: string): void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'cache-control': 'no-cache',
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** A download (audit export): streamed chunks, named by `filename`. */
export async function sendDownload(
  response: ServerResponse,
  chunks: Iterable<string>,
  { contentType, filename }: { contentType: string; filename: string },
): Promise<void> {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'content-disposition': `attachment; filename="${filename}"`,
  });
  for (const chunk of chunks) {
    if (!response.write(chunk)) await new Promise<void>((resolve) => response.once('drain', resolve));
  }
  response.end();
}
