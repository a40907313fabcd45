import { createPublicKey, type KeyObject, verify } from 'node:crypto';

// SPKI DER prefix for a raw 32-byte Ed25519 public key (RFC 8410), so node:crypto can use Discord's hex key.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const FIVE_MINUTES_S = 5 * 60;

export function publicKeyFromHex(hex: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * Discord signs `timestamp + raw body` with Ed25519. Discord deliberately sends bad signatures to
 * test an endpoint and removes the URL if one is accepted, so anything doubtful is refused.
 */
export function isValidDiscordRequest(args: {
  publicKey: KeyObject;
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): boolean {
  const { signature, timestamp } = args;
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp))
    return false;
  if (Math.abs(args.nowMs / 1000 - Number(timestamp)) > FIVE_MINUTES_S) return false;
  return verify(
    null,
    Buffer.from(timestamp + args.body, 'utf8'),
    args.publicKey,
    Buffer.from(signature, 'hex'),
  );
}
