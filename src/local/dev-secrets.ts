import { createHmac, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import type { Secrets } from '../config.ts';

/**
 * Local development secrets, clearly labelled, and a signer that uses them. Only the local server
 * and tests import this file; no Lambda bundle does (a test checks the bundles for it).
 *
 * The Discord key pair comes from a fixed seed so the playground signs the same way on every start.
 * It protects nothing: it exists so that local requests take the real, verified path.
 */
const DEV_SEED = Buffer.from('studybot-local-development-seed!', 'utf8'); // 32 bytes
// PKCS#8 DER prefix for an Ed25519 private key made from a raw 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const privateKey = createPrivateKey({
  key: Buffer.concat([PKCS8_ED25519_PREFIX, DEV_SEED]),
  format: 'der',
  type: 'pkcs8',
});
const publicKeyHex = (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer)
  .subarray(-32)
  .toString('hex');

export const DEV_SECRETS: Secrets = {
  slackSigningSecret: 'local-dev-slack-signing-secret-not-for-production',
  slackBotToken: 'xoxb-local-dev-token',
  discordPublicKey: publicKeyHex,
  discordApplicationId: '100000000000000001',
  discordBotToken: 'local-dev-discord-token',
};

/** Headers Slack would send with this body at this time (seconds since the epoch). */
export function slackSignatureHeaders(
  body: string,
  timestamp: number,
  secret = DEV_SECRETS.slackSigningSecret,
): Record<string, string> {
  const hex = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${hex}` };
}

/** Headers Discord would send with this body at this time, signed with the dev key pair. */
export function discordSignatureHeaders(body: string, timestamp: number): Record<string, string> {
  const signature = sign(null, Buffer.from(`${timestamp}${body}`, 'utf8'), privateKey).toString('hex');
  return { 'x-signature-ed25519': signature, 'x-signature-timestamp': String(timestamp) };
}
