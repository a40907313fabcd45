import type { Recommendation } from '../engines/recommend/index.ts';

/**
 * What the engine read, written back as the `key=value` hints it accepts, one per line: the
 * Adjust form shows these so a person fixes a misreading by editing a line, and the engine reads
 * the edited lines with the same reader (a hint wins over the text).
 */
export function readBack(r: Recommendation): string[] {
  const w = r.workload;
  const lines: string[] = [];
  if (w.payloadBytes !== null) lines.push(`payload=${size(w.payloadBytes)}`);
  if (w.processingSeconds !== null) lines.push(`processing=${duration(w.processingSeconds)}`);
  if (w.deadlineSeconds !== null) lines.push(`latency=${duration(w.deadlineSeconds)}`);
  if (w.requestsPerDay !== null) lines.push(`volume=${round(w.requestsPerDay)}/day`);
  if (w.patterns.length > 0) lines.push(`traffic=${w.patterns.join(',')}`);
  if (w.gpu !== null) lines.push(`gpu=${w.gpu ? 'yes' : 'no'}`);
  if (w.models !== null) lines.push(`models=${round(w.models)}`);
  return lines;
}

const KIB = 1024;
const MIB = KIB * 1024;
const GIB = MIB * 1024;

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 1 : 0);
}

function size(bytes: number): string {
  if (bytes >= GIB) return `${round(bytes / GIB)}GB`;
  if (bytes >= MIB) return `${round(bytes / MIB)}MB`;
  if (bytes >= KIB) return `${round(bytes / KIB)}KB`;
  return `${round(bytes)}B`;
}

function duration(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60}min`;
  if (seconds >= 120) return `${round(seconds / 60)}min`;
  return `${round(seconds)}s`;
}
