/**
 * A tiny structured logger. Lines are JSON so CloudWatch Logs Insights can query them.
 * Values under keys that look secret are replaced, so a token can never reach the log by accident.
 * A command-line tool can switch to `line` format: one short human-readable line per entry, with an
 * error's message instead of its stack.
 */
const SECRET_KEY = /secret|token|password|signature|authorization|private/i;

/** A logged string is at most this long: request fields are the sender's, and can be a megabyte. */
export const MAX_LOGGED_STRING = 1000;
const MAX_LOGGED_ITEMS = 50;

function clipString(s: string): string {
  return s.length > MAX_LOGGED_STRING ? `${s.slice(0, MAX_LOGGED_STRING)}…(${s.length} chars)` : s;
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return clipString(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return {
      name: value.name,
      message: clipString(value.message),
      ...(value.stack ? { stack: clipString(value.stack) } : {}),
      cause: redact(value.cause, depth + 1),
    };
  }
  if (Array.isArray(value)) return value.slice(0, MAX_LOGGED_ITEMS).map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A LOG_LEVEL value as a level (trimmed, any case), or undefined when it is not one. */
export function parseLogLevel(value: string | undefined): LogLevel | undefined {
  const v = value?.trim().toLowerCase();
  return LOG_LEVELS.find((l) => l === v);
}

// Info until the config is read: loadConfig (src/config.ts) validates LOG_LEVEL and sets it here.
let threshold = order.info;
let format: 'json' | 'line' = 'json';

/** The level LOG_LEVEL gives (set by loadConfig), or a command-line tool's own, and/or its line format. */
export function configureLog(options: { level?: LogLevel; format?: 'json' | 'line' }): void {
  if (options.level) threshold = order[options.level];
  if (options.format) format = options.format;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** An error as one line: its message, then its causes' messages. */
function describeError(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    const message = e instanceof Error ? e.message : typeof e === 'object' ? JSON.stringify(e) : String(e);
    if (message && !parts.some((p) => p.includes(message))) parts.push(message);
    e = e instanceof Error ? e.cause : undefined;
  }
  return oneLine(parts.join(': ') || 'unknown error');
}

function formatLine(level: LogLevel, msg: string, fields: Record<string, unknown>): string {
  const { err, ...rest } = fields;
  const shown = redact(rest) as Record<string, unknown>;
  const pairs = Object.entries(shown)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${oneLine(typeof v === 'string' ? v : JSON.stringify(v))}`);
  return [
    `${level}: ${msg}`,
    pairs.length ? ` (${pairs.join(', ')})` : '',
    err !== undefined ? `: ${describeError(err)}` : '',
  ].join('');
}

function write(level: LogLevel, msg: string, fields?: Record<string, unknown>): void {
  if (order[level] < threshold) return;
  const line =
    format === 'line'
      ? formatLine(level, msg, fields ?? {})
      : JSON.stringify({ level, msg, ...(redact(fields ?? {}) as object) });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
