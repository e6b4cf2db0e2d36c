// Reads an application/x-www-form-urlencoded body (every console form), at most 64 KB. Anything else is
// an expected failure answered 400/413, never a crash.

import type { IncomingMessage } from 'node:http';
import { readBody } from '../../http/read-body.ts';

const MAX_FORM_BYTES = 64 * 1024;

export type FormResult = { ok: true; fields: URLSearchParams } | { ok: false; status: 400 | 413; message: string };

export async function readForm(request: IncomingMessage): Promise<FormResult> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded')
    return {
      ok: false,
      status: 400,
      message: 'expected a form (application/x-www-form-urlencoded)',
    };
  const body = await readBody(request, MAX_FORM_BYTES);
  if (!body.ok)
    return {
      ok: false,
      status: 413,
      message: `the form is larger than ${MAX_FORM_BYTES} bytes`,
    };
  return { ok: true, fields: new URLSearchParams(body.body.toString('utf8')) };
}
