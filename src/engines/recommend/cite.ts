/**
 * Figures from the facts table, in base units, so the rules compare against one source of truth
 * (content/facts.yaml) and never against a hard-coded 6 MB or 60 s.
 */
import { fact } from '../../content/index.ts';

const BYTES: Record<string, number> = { bytes: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
const SECONDS: Record<string, number> = { s: 1, min: 60, h: 3600, days: 86_400 };

function inBytes(id: string): number {
  const f = fact(id);
  const m = BYTES[f.unit];
  if (m === undefined) throw new Error(`fact ${id} is in ${f.unit}, not a size`);
  return f.value * m;
}

function inSeconds(id: string): number {
  const f = fact(id);
  const m = SECONDS[f.unit];
  if (m === undefined) throw new Error(`fact ${id} is in ${f.unit}, not a duration`);
  return f.value * m;
}

/** Read once at load: an id missing from the table fails at cold start, not mid-answer. */
export const LIMIT = {
  realtimePayload: inBytes('realtime.payload.max'),
  realtimeTime: inSeconds('realtime.timeout'),
  serverlessPayload: inBytes('serverless.payload.max'),
  serverlessTime: inSeconds('serverless.timeout'),
  serverlessMemory: fact('serverless.memory.max').value * BYTES.MB!,
  serverlessConcurrency: fact('serverless.concurrency.max').value,
  asyncPayload: inBytes('async.payload.max'),
  asyncTime: inSeconds('async.timeout.max'),
  asyncDefaultTime: inSeconds('async.timeout.default'),
  asyncQueue: inSeconds('async.queue.ttl'),
  batchRecord: inBytes('batch.payload.max'),
  containers: fact('mce.containers.max').value,
  lambdaMemory: fact('lambda.memory.max').value * BYTES.MB!,
  lambdaTime: inSeconds('lambda.timeout.max'),
  lambdaPayload: inBytes('lambda.payload.sync'),
} as const;

/** How the table writes a figure ("6 MB", "60 seconds"): quoted as is, so answers match the docs. */
export function shown(id: string): string {
  return fact(id).display;
}

export function formatBytes(n: number): string {
  const units: [string, number][] = [
    ['TB', 1024 ** 4],
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ];
  for (const [u, f] of units) if (n >= f) return `${round(n / f)} ${u}`;
  return `${round(n)} bytes`;
}

export function formatSeconds(s: number): string {
  if (s < 1) return `${round(s * 1000)} ms`;
  if (s < 120) return `${round(s)} s`;
  if (s < 2 * 3600) return `${round(s / 60)} minutes`;
  if (s < 2 * 86_400) return `${round(s / 3600)} hours`;
  return `${round(s / 86_400)} days`;
}

export function formatCount(n: number): string {
  if (n >= 1e9) return `${round(n / 1e9)} billion`;
  if (n >= 1e6) return `${round(n / 1e6)} million`;
  return Math.round(n).toLocaleString('en-US');
}

function round(x: number): string {
  const r = x >= 10 ? Math.round(x) : Math.round(x * 10) / 10;
  return String(r);
}
