// Signed webhooks: HMAC-SHA256 with the source's shared secret over `<timestamp>.<raw body>`, hex, sent as
// `X-Joinery-Signature: sha256=<hex>` with `X-Joinery-Timestamp: <unix seconds>`. Signing the timestamp
// binds it to the body, so a captured delivery cannot be re-sent later with a fresh timestamp.

import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing-signature' | 'bad-timestamp' | 'stale-timestamp' | 'bad-signature' };

export interface VerifySignatureInput {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
  nowMs: number;
  windowMs: number;
}

export function signWebhook(secret: string, timestamp: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export function verifyWebhookSignature({ secret, timestamp, signature, body, nowMs, windowMs }: VerifySignatureInput): SignatureCheck {
  if (timestamp === undefined || signature === undefined) return { ok: false, reason: 'missing-signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
  if (Math.abs(nowMs - Number(timestamp) * 1000) > windowMs) return { ok: false, reason: 'stale-timestamp' };
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
  return { ok: true };
}
