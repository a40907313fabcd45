/**
 * One reader for quantities in chat text: sizes, durations, rates, percentages and counts, in digits
 * or words ("half a gig", "a couple hundred", "twenty-five"), ranges, bounds ("under 4 MB"), unit typos
 * ("megabtyes"), each with the role its context gives it (request payload, model size, processing
 * time, turnaround, bake time, traffic share ...), by the rules of content/recommend/roles.txt.
 * Pure and total: any string in, a list out.
 */
import { content } from '../../content/index.ts';

/** "a b c" → 'a' | 'b' | 'c': the unions below are written once, as words. */
export type Words<S extends string, Acc extends string = never> = S extends `${infer A} ${infer B}`
  ? Words<B, Acc | A>
  : Acc | S;
const ROLES =
  'payload model-size memory dataset processing turnaround wait test-duration media-length interval cold-start request-rate peak-rate traffic-share instance-batch threshold models instances containers concurrency records entities steps other';
export type Role = Words<typeof ROLES>;
export type QuantityKind = 'size' | 'duration' | 'rate' | 'percent' | 'count';

export interface Quantity {
  kind: QuantityKind;
  /** In base units: bytes (binary, as AWS counts 6 MB = 6,291,456 bytes), seconds, per day, percent, count. */
  low: number;
  high: number;
  /** "over 6 MB" is open above (the value exceeds `high`); "under 4 MB" is open below. */
  open?: 'above' | 'below';
  approx: boolean;
  /** The unit as canonically named: "MB", "s", "day" (per day), "%", or the counted noun. */
  unit: string;
  role: Role;
  said: string;
  at: [number, number];
}

interface Token {
  t: string;
  s: number;
  e: number;
}
interface Unit {
  kind: QuantityKind;
  f: number;
  name: string;
}

/** "few:3 several:5" → {few: 3, several: 5}. */
const numbers = (s: string): Record<string, number> =>
  Object.fromEntries(s.split(' ').map((p) => [p.split(':')[0], Number(p.split(':')[1])]));
const SMALL = numbers(
  'zero:0 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 eleven:11 twelve:12 thirteen:13 fourteen:14 fifteen:15 sixteen:16 seventeen:17 eighteen:18 nineteen:19 twenty:20 thirty:30 forty:40 fourty:40 fifty:50 sixty:60 seventy:70 eighty:80 ninety:90',
);
const SCALE = numbers('hundred:100 thousand:1000 million:1e6 billion:1e9');
const SUFFIX = numbers('k:1000 mn:1e6 bn:1e9');
/** Vague amounts, one value each everywhere: "hundreds of" is 300 in every reader. */
const VAGUE = numbers(
  'few:3 several:5 couple:2 handful:5 dozen:12 dozens:36 hundreds:300 thousands:3000 millions:3e6 tens:30 single:1 once:1 twice:2',
);
const PER_DAY = numbers(
  's:86400 sec:86400 second:86400 min:1440 minute:1440 h:24 hr:24 hour:24 d:1 day:1 night:1 week:0.142857 w:0.142857 month:0.0333 quarter:0.011 year:0.00274',
);
const COMPACT_RATE = numbers('rps:86400 qps:86400 tps:86400 fps:86400 rpm:1440');
const RATE: Unit = { kind: 'rate', f: 1, name: 'day' };
const UNIT = new Map<string, Unit>();
for (const line of [
  'size 1 bytes: bytes byte',
  'size 1024 KB: kb kib kbs kilobyte kilobytes ko kio',
  'size 1048576 MB: mb mib mbs meg megs mega megabyte megabytes mo mio',
  'size 1073741824 GB: gb gib gbs gig gigs giga gigabyte gigabytes go gio',
  'size 1099511627776 TB: tb tib tbs terabyte terabytes',
  'duration 0.001 ms: ms msec msecs millis millisecond milliseconds',
  'duration 1 s: s sec secs second seconds',
  'duration 60 min: m min mins minute minutes',
  'duration 3600 h: h hr hrs hour hours',
  'duration 86400 day: day days',
  'duration 604800 week: wk wks week weeks',
  'duration 2592000 month: month months',
  'duration 31536000 year: yr yrs year years',
]) {
  const [head = '', words = ''] = line.split(': ');
  const [kind, f, name] = head.split(' ') as [QuantityKind, string, string];
  for (const w of words.split(' ')) UNIT.set(w, { kind, f: Number(f), name });
}

/** "megabtyes" → "megabytes": one edit (with transpositions) away from a unit word of 5+ letters. */
function unitFor(word: string): Unit | undefined {
  const exact = UNIT.get(word);
  if (exact || word.length < 5) return exact;
  for (const [w, u] of UNIT) if (w.length >= 5 && nearlyEqual(word, w)) return u;
  return undefined;
}
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const r = (x: number, y: number) => a.slice(x) === b.slice(y);
  return (
    r(i + 1, i + 1) ||
    r(i, i + 1) ||
    r(i + 1, i) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && r(i + 2, i + 2))
  );
}

/** "2,5 MB" (a decimal comma) is 2.5 MB; "1,500 rows" is fifteen hundred. */
const TOKEN_RE =
  /\d+(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?!\d)(?= ?[a-z%])|\d+(?:\.\d+)?|\.\d+|[a-z]+|[^\sa-z\d]/g;
const isNum = (t: Token | undefined): boolean => t !== undefined && /^[\d.]/.test(t.t);
const isWord = (t: Token | undefined): boolean => t !== undefined && /^[a-z]/.test(t.t);
const MONTHS =
  /^(jan|january|feb|february|mar|march|apr|april|may|june?|july?|aug|august|sept?|september|oct|october|nov|november|dec|december)$/;
const NOUNISH =
  /^(records?|rows?|recs|users?|customers?|accounts?|docs?|documents?|items?|events?|leads?|skus?|policies|subscribers?|requests?|predictions?|transactions?|images?|files?|calls?|invocations?|param\w*|tokens?|sentences?|tickets?|products?|people|visits?|views?|messages?)$/;
const STOP = new Set(
  'of to is are was for or and in on at with per a an the each it its that this but if so as by from than then when while be'.split(
    ' ',
  ),
);

/** A number at token i, in digits or words; `weak` for "a"/"an", a number only when a unit follows. */
function readNumber(
  tk: Token[],
  i: number,
  text: string,
): { value: number; end: number; weak?: boolean } | undefined {
  const a = tk[i];
  const at = (k: number) => tk[k]?.t ?? '';
  if (!a) return undefined;
  let value: number;
  let j = i + 1;
  let weak = false;
  if (isNum(a)) {
    // Part of an identifier or a clock time: s3, g5, ml.g5.12xlarge, 2.x, 12:00, 24/7, 2026/11.
    const [prev = ' ', next = ' ', next2 = ' '] = [text[a.s - 1], text[a.e], text[a.e + 1]];
    if (/[a-z0-9_.:/]/.test(prev) || /[:_]/.test(next) || (next === '.' && /[a-z]/.test(next2)))
      return undefined;
    if (next === '/' && /\d/.test(next2)) return undefined;
    value = Number.parseFloat(/^\d+,\d{1,2}$/.test(a.t) ? a.t.replace(',', '.') : a.t.replace(/,/g, ''));
    // "10M records" is ten million; "30m" alone is thirty minutes.
    if (tk[j]?.s === a.e && (at(j) in SUFFIX || (at(j) === 'm' && NOUNISH.test(at(j + 1)))))
      value *= SUFFIX[at(j++)] ?? 1e6;
  } else if (a.t === 'half' && /^an?$/.test(at(i + 1))) {
    value = 0.5;
    j = i + 2;
  } else if (a.t === 'a' || a.t === 'an') {
    const n = at(i + 1);
    if (n in VAGUE || n in SCALE) return readNumber(tk, i + 1, text);
    if (n === 'half' || n === 'quarter') {
      value = n === 'half' ? 0.5 : 0.25;
      j = i + 2 + (at(i + 2) === 'of' ? 1 : 0);
      if (/^an?$/.test(at(j))) j++;
    } else [value, weak] = [1, true];
  } else if (a.t in SMALL) {
    value = SMALL[a.t] ?? 0;
    const b = at(j) === '-' ? j + 1 : j;
    const ones = SMALL[at(b)];
    if (value >= 20 && value % 10 === 0 && ones !== undefined && ones < 10)
      [value, j] = [value + ones, b + 1];
    // "three point nine": decimals said in words.
    for (let d = 0.1; at(j) === 'point' || (d < 0.1 && (SMALL[at(j)] ?? 10) < 10); d /= 10) {
      if (at(j) === 'point') j++;
      const digit = SMALL[at(j)];
      if (digit === undefined || digit > 9) break;
      [value, j] = [value + digit * d, j + 1];
    }
  } else if (a.t in VAGUE) {
    value = a.t === 'tens' && at(j) === 'of' && at(j + 1) === 'thousands' ? 30_000 : (VAGUE[a.t] ?? 0);
    if (value === 30_000) j += 2;
  } else if (a.t in SCALE) value = SCALE[a.t] ?? 0;
  else return undefined;
  // "three hundred", "a couple hundred", "20 thousand".
  while (!weak && at(j) in SCALE) value *= SCALE[at(j++)] ?? 1;
  if (at(j) === 'of' && (a.t in VAGUE || at(j - 1) in VAGUE)) j++;
  if (at(j) === 'and' && at(j + 1) === 'a' && at(j + 2) === 'half') [value, j] = [value + 0.5, j + 3];
  return Number.isFinite(value) ? { value, end: j, weak } : undefined;
}

/** The unit right after a number: a size, a duration, a percent or a compact rate ("rps"). */
function readUnit(tk: Token[], j0: number, text: string): (Unit & { end: number }) | undefined {
  // "a 90-minute job", "12-instance endpoint": a hyphen may join the number and its unit.
  const j = tk[j0]?.t === '-' && isWord(tk[j0 + 1]) && unitFor(tk[j0 + 1]?.t ?? '') ? j0 + 1 : j0;
  const u = tk[j];
  if (!u) return undefined;
  // "1h30m" joins two units; "5 s3 buckets" is not five seconds.
  const next = text[u.e] ?? ' ';
  const alone = !/[a-z]/.test(next) && (!/\d/.test(next) || /^(h|hr|hrs|m|min|mins)$/.test(u.t));
  if (u.t === '%' || u.t === 'percent' || u.t === 'pct')
    return { kind: 'percent', f: 1, name: '%', end: j + 1 };
  if (u.t === 'per' && tk[j + 1]?.t === 'cent') return { kind: 'percent', f: 1, name: '%', end: j + 2 };
  if (u.t in COMPACT_RATE && alone) return { ...RATE, f: COMPACT_RATE[u.t] ?? 1, end: j + 1 };
  const unit = isWord(u) && alone ? unitFor(u.t) : undefined;
  const word = tk[j + 1]?.t ?? '';
  // "a second fleet" is an ordinal.
  if (!unit || (u.t === 'second' && /^[a-z]/.test(word) && !STOP.has(word))) return undefined;
  return { ...unit, end: j + 1 };
}

/** "per day", "a day", "/sec", "every ten minutes", "on a busy day" right after a number (and its nouns). */
function readPeriod(tk: Token[], j: number): { perDay: number; end: number } | undefined {
  let k = j;
  if (tk[k]?.t === 'on' && /^an?$/.test(tk[k + 1]?.t ?? '') && isWord(tk[k + 2])) k += 3;
  else if (/^(per|a|an|each|every|\/)$/.test(tk[k]?.t ?? '')) k++;
  else return undefined;
  const n =
    tk[k - 1]?.t === 'every' && (isNum(tk[k]) || (tk[k]?.t ?? '') in SMALL)
      ? readNumber(tk, k, '')
      : undefined;
  if (n) k = n.end;
  const p = tk[k]?.t ?? '';
  const perDay = PER_DAY[p] ?? PER_DAY[p.replace(/s$/, '')];
  return perDay === undefined ? undefined : { perDay: perDay / (n?.value || 1), end: k + 1 };
}

const COUNT_NOUNS: [RegExp, Role][] = [
  [/^(models?|classifiers?|forecasters?|regressors?)$/, 'models'],
  [/^(instances?|nodes?|gpus?|machines?|servers?|boxes?)$/, 'instances'],
  [/^containers?$/, 'containers'],
  [/^(steps?|hops?|shifts?|increments?|stages?|chunks?)$/, 'steps'],
  [/^(concurrent|simultaneous|parallel|inflight)$/, 'concurrency'],
  [
    /^(records?|rows?|recs|customers?|accounts?|users?|subscribers?|docs?|documents?|tickets?|images?|photos?|files?|transactions?|skus?|products?|policies|leads?|items?|predictions?|sentences?|entries|events?|studies|reports?|clips?|videos?|messages?|msgs?)$/,
    'records',
  ],
  [
    /^(tenants?|hospitals?|stores?|cities|city|regions?|merchants?|clients?|shops?|branches|sites?|countries|markets?|brands?|warehouses?|schools?|partners?|devices?|cameras?|drones?|gateways?|pcs?|robots?|vehicles?|sensors?|teams?)$/,
    'entities',
  ],
];
const NOUN_STOP =
  /^(of|to|is|are|was|were|has|have|had|for|or|and|in|on|at|with|per|a|an|the|each|all|it|its|that|this|but|if|so|as|by|from|then|needs?|gets?|takes?|runs?|should|can|will|we|our|they|their|behind|into|one|who|which|than)$/;

/** The noun a count counts: the last known noun in the phrase after it ("300 tenant churn models"). */
function readCountNoun(tk: Token[], j: number): { role: Role; noun: string; end: number } | undefined {
  let best: { role: Role; noun: string; end: number } | undefined;
  for (let k = j, words = 0; k < tk.length && words < 4; k++) {
    const t = tk[k]?.t ?? '';
    if (t === '-' || t === '/' || (t === 'per' && tk[k + 1]?.t === '-')) continue;
    if (!isWord(tk[k]) || NOUN_STOP.test(t) || UNIT.has(t)) break;
    words++;
    for (const [re, role] of COUNT_NOUNS) if (re.test(t)) best = { role, noun: t, end: k + 1 };
  }
  return best;
}

const APPROX =
  /(?:about|around|roughly|approx\w*|~|circa|like|maybe|some|nearly|almost|right at|close to|est\w*)\s*$/;
const ABOVE =
  /(?:over|above|more than|greater than|larger than|bigger than|longer than|at least|exceeds?|exceeding|beyond|upwards of|>=?|north of)\s*(?:about|around|~)?\s*$/;
const BELOW =
  /(?:under|below|less than|smaller than|shorter than|fewer than|up to|at most|max(?:imum)?|no more than|within|<=?|tops|capped at)\s*(?:about|around|~)?\s*$/;

/** Every quantity in the text, in order, each with its role. */
export function readQuantities(input: string): Quantity[] {
  const text = input.toLowerCase();
  const tk: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) tk.push({ t: m[0], s: m.index, e: m.index + m[0].length });
  const out: Quantity[] = [];
  for (let i = 0; i < tk.length; ) {
    const q = readAt(tk, i, text);
    if (q) out.push(q.quantity);
    i = q ? q.end : i + 1;
  }
  // "the answer in under 60 seconds but the model takes 75": a bare number takes the unit said before it.
  for (const m of text.matchAll(
    /\b(?:takes?|took|needs?|runs?|is|are|about|~)\s*(\d+(?:\.\d+)?)(?![\d.,%:/]|\s*(?:[a-z]|-\w))/g,
  )) {
    const at = m.index + m[0].length - (m[1] ?? '').length;
    const prev = out.findLast(
      (q) => q.at[1] <= at && q.kind === 'duration' && !/[.;!?\n]/.test(text.slice(q.at[1], at)),
    );
    if (!prev || out.some((q) => q.at[0] <= at && at < q.at[1])) continue;
    const f = unitFor(prev.unit === 'day' ? 'days' : prev.unit)?.f ?? 1;
    const q: Quantity = {
      ...prev,
      low: Number(m[1]) * f,
      high: Number(m[1]) * f,
      open: undefined,
      said: m[1] ?? '',
      at: [at, at + (m[1] ?? '').length],
    };
    out.push({ ...q, role: roleOf(q, text) });
  }
  out.sort((a, b) => a.at[0] - b.at[0]);
  // "3s vs 90s on cpu": the alternative compared against is not the workload.
  out.forEach((q, k) => {
    const p = out[k - 1];
    if (p && p.kind === q.kind && /^\W*(?:vs\.?|versus|compared to)\W*$/.test(text.slice(p.at[1], q.at[0])))
      q.role = 'other';
  });
  return out;
}

function readAt(tk: Token[], i: number, text: string): { quantity: Quantity; end: number } | undefined {
  const start = tk[i];
  if (!start) return undefined;
  const make = (end: number, lo: number, hi: number, unit?: Unit, noun?: { role: Role; noun: string }) =>
    quantity(tk, text, i, end, lo, hi, unit, noun);
  // "within the hour" has no number.
  if (
    start.t === 'the' &&
    /(?:within|in|by)\s*$/.test(text.slice(Math.max(0, start.s - 8), start.s)) &&
    /^(hour|minute|day)$/.test(tk[i + 1]?.t ?? '')
  )
    return make(i + 2, 1, 1, unitFor(tk[i + 1]?.t ?? ''));
  const n = readNumber(tk, i, text);
  if (!n) return undefined;
  let j = n.end;
  const [after, a = ''] = [tk[j], tk[j]?.t];
  // Clock times, dates, ordinals and versions: 9am, 27 nov, the 25th, 3d, 5xx, 12xlarge.
  const glued = after && isNum(start) && after.s === start.e && /^[a-z]/.test(a);
  if (glued && !unitFor(a) && !(a in COMPACT_RATE) && a !== 'x' && !(a === 's' && tk[j + 1]?.t === 'of'))
    return undefined;
  if (/^(am|pm|noon|o)$/.test(a) || MONTHS.test(a) || MONTHS.test(tk[i - 1]?.t ?? '') || a === ':')
    return undefined;
  if (a === '-' && isNum(tk[j + 1]) && /^(am|pm|:)$/.test(tk[j + 2]?.t ?? '')) return undefined;
  // "100s of models" is hundreds; "40x ml.g5" is forty instances.
  if (a === 's' && glued && tk[j + 1]?.t === 'of')
    return make(j + 2, n.value * 3, n.value * 3, undefined, readCountNoun(tk, j + 2));
  if (a === 'x' && glued)
    return tk[j + 1]?.t === 'ml'
      ? make(j + 1, n.value, n.value, undefined, { role: 'instances', noun: 'instances' })
      : undefined;
  let [lo, hi] = [n.value, n.value];
  let unit = readUnit(tk, j, text);
  if (unit) j = unit.end;
  // A range: "2-5 MB", "2 MB - 5 MB", "between ten and twenty-five minutes", "a min or two".
  const sep = tk[j]?.t ?? '';
  const between = /between\s*$/.test(text.slice(Math.max(0, start.s - 9), start.s));
  const m =
    (sep === '-' && tk[j + 1]?.t !== '>') || sep === 'to' || sep === 'or' || (sep === 'and' && between)
      ? readNumber(tk, j + 1, text)
      : undefined;
  const u2 = m && !m.weak ? readUnit(tk, m.end, text) : undefined;
  if (m && !m.weak && (!unit || !u2 || u2.kind === unit.kind)) {
    unit ??= u2;
    [lo, hi, j] = [Math.min(n.value, m.value), Math.max(n.value, m.value), u2 ? u2.end : m.end];
  }
  // "calls a day" is a rate, not a day.
  const prev = tk[i - 1]?.t ?? '';
  if (
    n.weak &&
    (unit?.kind !== 'duration' ||
      NOUNISH.test(prev) ||
      /^(?:times|jobs|runs|queries|batches|hits)$/.test(prev))
  )
    return undefined;
  if (unit?.kind === 'duration') {
    // "1h30m", "1 hr 15 min", "2 hours and 15 minutes", "a minute and a half": one duration.
    const k = tk[j]?.t === 'and' ? j + 1 : j;
    const next =
      isNum(tk[k]) && tk[k]?.s === tk[j - 1]?.e
        ? { value: Number(tk[k]?.t), end: k + 1 }
        : readNumber(tk, k, text);
    const u3 = next && !('weak' in next && next.weak) ? readUnit(tk, next.end, text) : undefined;
    if (next && u3?.kind === 'duration' && u3.f < unit.f)
      [lo, hi, j] = [lo + (next.value * u3.f) / unit.f, hi + (next.value * u3.f) / unit.f, u3.end];
    else if (tk[j]?.t === 'and' && tk[j + 1]?.t === 'a' && tk[j + 2]?.t === 'half')
      [lo, hi, j] = [lo + 0.5, hi + 0.5, j + 3];
  }
  if (unit) return make(j, lo, hi, unit);
  const rate = (p: { perDay: number; end: number } | undefined) =>
    p && make(p.end, lo * p.perDay, hi * p.perDay, RATE);
  const noun = readCountNoun(tk, j);
  if (noun) {
    // "10M records every night" is a dataset per run; "200 docs/day" is a request rate.
    const perRun = noun.role === 'records' && /^(every|each)$/.test(tk[noun.end]?.t ?? '');
    const r =
      !perRun && noun.role !== 'models' && noun.role !== 'instances'
        ? rate(readPeriod(tk, noun.end))
        : undefined;
    return r ?? make(noun.end, lo, hi, undefined, noun);
  }
  // "100 calls a day", "20 req/day", "3-4 times an hour": nouns between the number and the period.
  for (let k = j; k < j + 4 && k < tk.length; k++) {
    const r = rate(readPeriod(tk, k));
    if (r) return r;
    if (!isWord(tk[k]) || UNIT.has(tk[k]?.t ?? '') || /^(models?|instances?|per)$/.test(tk[k]?.t ?? ''))
      break;
  }
  if (
    /concurrency\s*(?:of|is|=|:)?\s*(?:about|around|~|max|up to)?\s*$/.test(
      text.slice(Math.max(0, start.s - 30), start.s),
    )
  )
    return make(j, lo, hi, undefined, { role: 'concurrency', noun: 'concurrent' });
  return undefined;
}

function quantity(
  tk: Token[],
  text: string,
  i: number,
  j: number,
  lo: number,
  hi: number,
  unit?: Unit,
  noun?: { role: Role; noun: string },
) {
  const s = tk[i]?.s ?? 0;
  const e = tk[j - 1]?.e ?? s;
  const [before, after] = [text.slice(Math.max(0, s - 24), s), text.slice(e, e + 12)];
  const f = unit?.f ?? 1;
  const q: Quantity = {
    kind: unit?.kind ?? 'count',
    low: lo * f,
    high: hi * f,
    approx: APPROX.test(before) || /^\s*-?ish\b/.test(after),
    unit: unit?.name ?? noun?.noun ?? '',
    role: noun?.role ?? 'other',
    said: text.slice(s, e),
    at: [s, e],
  };
  if (ABOVE.test(before) || /^\s*(?:\+|or more|plus)\b/.test(after)) q.open = 'above';
  else if (BELOW.test(before) || /^\s*(?:max|tops|at most|or less)\b/.test(after)) q.open = 'below';
  if (!Number.isFinite(q.high) || q.high < 0) return undefined;
  if (unit) q.role = roleOf(q, text);
  return { quantity: q, end: j };
}

// ---------------------------------------------------------------- roles, as data

const PAYLOAD = String.raw`\b(?:requests?|payloads?|bod(?:y|ies)|inputs?|images?|imgs?|photos?|pictures?|files?|documents?|docs?|pdfs?|scans?|tiffs?|videos?|clips?|audio|mp3s?|wavs?|recordings?|uploads?|messages?|msgs?|json|frames?|quer(?:y|ies)|tiles?|geotiffs?|bundles?|zips?|snippets?|items?|sweeps?|point clouds?|volumes?|contracts?|invoices?|calls?|record|x-rays?|cad|studies|study|episodes?|texts?|sentences?)\b`;
const MODEL = String.raw`\b(?:models?|artifacts?|weights|checkpoints?|ensembles?|pickles?|packages?|lightgbm|xgboost)\b`;
const ITEM = new RegExp(`${PAYLOAD}|${MODEL}`, 'g');
const PAYLOAD_RE = new RegExp(PAYLOAD);
const MODEL_RE = new RegExp(MODEL);

/** content/recommend/roles.txt: how a quantity gets its role (described at the top of that file). */
const RULES = content.recommend.roles.split('\n').filter((l) => l.trim() && !l.startsWith('#'));

const PROCESSING =
  /\b(?:takes?|taking|took|runs?|running|ran|processing|process(?:es|ed)?|compute|computation|inference|execution|generat\w+|transcri\w+|worst case|lasts?|needs?|sim\w*|jobs?|model|p50|median|avg|average|typically|usually)\b/g;
const TURNAROUND =
  /\b(?:within|in under|by|results?|answers?|respon\w*|back|latency|budget|sla|slo|deadline|turnaround|needed|need it|ready|p9\d|expect\w*|returned|delivered|lands?|acceptable|fine|ok|okay|wait(?:ing)? (?:for|up to)|target|goal)\b/g;
const WORK_AFTER =
  /^\s*(?:of\s+)?(?:processing|compute|inference|runtime|to (?:process|run|compute|score|finish|complete|generate|transcribe|analy[sz]e|render))\b|^\s*(?:\S+\s+){0,3}?(?:per|each)\b|^\s*(?:on|with) (?:a |the )?(?:cpu|gpu|plain|an? )|^[\s-]*(?:\w+\s+)?(?:jobs?|sims?|simulations?|runs?|tasks?|transcriptions?|inferences?|processing)\b/;
const TRAINING = /\b(?:re)?train(?:ing|ed|s)?\b|\brecommender\b|\betl\b|\bend to end\b/g;
const SERVING =
  /\b(?:inference(?! recommender)|predict\w*|serv(?:e|es|ing)|requests?|calls?|endpoint|scor\w+)\b/g;
const lastAt = (s: string, re: RegExp) => [...s.matchAll(re)].reduce((_, m) => m.index + m[0].length, -1);

interface Context {
  q: Quantity;
  b: string;
  a: string;
  n: string;
  l: string;
  s: string;
  text: string;
}
const TESTS: Record<string, (c: Context) => boolean> = {
  modelNearby: (c) => {
    const m = [...c.s.matchAll(ITEM)].pop()?.[0] ?? '';
    return MODEL_RE.test(m) && !PAYLOAD_RE.test(m);
  },
  longOrTest: (c) =>
    c.q.high >= 86_400 || /\b(test|shadow|variants?|both|traffic|experiment|live|serve)\b/.test(c.l),
  atLeastASecond: (c) => c.q.high >= 1,
  workAfter: (c) => WORK_AFTER.test(c.a),
  processingLast: (c) => lastAt(c.l, PROCESSING) > lastAt(c.l, TURNAROUND),
  turnaroundLast: (c) => lastAt(c.l, TURNAROUND) > lastAt(c.l, PROCESSING),
  ms: (c) => c.q.unit === 'ms',
  below: (c) => c.q.open === 'below',
  trainingLast: (c) => lastAt(c.s, TRAINING) > lastAt(c.s, SERVING),
  long: (c) => c.q.high >= 86_400,
  alone: (c) => /^\W*$/.test(`${c.b}${c.a}`) && c.text.length < 40,
};

type Test = (c: Context) => boolean;
const RULE_LIST: { kind: string; role: Role; tests: Test[] }[] = RULES.map((line) => {
  const [kind = '', role = '', ...rest] = line.split(' ');
  const tests = rest
    .join(' ')
    .split(' & ')
    .filter(Boolean)
    .map((term): Test => {
      const not = term.startsWith('!');
      const t = term.replace(/^!/, '');
      const named = t.startsWith('@') ? TESTS[t.slice(1)] : undefined;
      if (t.startsWith('@') && !named) throw new Error(`unknown role test ${t}`);
      const re = new RegExp(t.slice(2).replace('{P}', PAYLOAD));
      const where = t[0] as 'b' | 'a' | 'n' | 'l' | 's';
      const test: Test = named ?? ((c) => re.test(c[where]));
      return not ? (c) => !test(c) : test;
    });
  return { kind, role: role as Role, tests };
});

const RULES_BY_KIND: Record<string, typeof RULE_LIST> = Object.fromEntries(
  ['size', 'duration', 'rate', 'percent', 'count'].map((k) => [
    k,
    RULE_LIST.filter((r) => r.kind === '*' || r.kind === k),
  ]),
);

/** The role a quantity's context gives it: the clause around it, never across a sentence or a "but". */
function roleOf(q: Quantity, text: string): Role {
  const [s, e] = q.at;
  const back = text.slice(Math.max(0, s - 60), s);
  const cut = Math.max(...['.', ';', '!', '?', '\n', ',', '(', ' but '].map((c) => back.lastIndexOf(c)));
  const fwd = text.slice(e, e + 60);
  const stop = /[.;!?\n,)]| but /.exec(fwd);
  const sb = text.slice(Math.max(0, s - 160), s);
  const b = cut >= 0 ? back.slice(cut + 1) : back;
  const a = stop ? fwd.slice(0, stop.index) : fwd;
  const l = b.replace(
    /\s*(?:about|around|roughly|~|approx\.?|up to|at least|maybe|like|only|just|under|over|<|>|=)\s*$/,
    '',
  );
  const c: Context = {
    q,
    b,
    a,
    l,
    n: `${b} # ${a}`,
    s: sb.slice(Math.max(...['.', ';', '!', '?', '\n'].map((x) => sb.lastIndexOf(x))) + 1),
    text,
  };
  const rule = RULES_BY_KIND[q.kind]?.find((r) => r.tests.every((t) => t(c)));
  return rule?.role ?? 'other';
}

/** One value as a `key=value` hint gives it ("20MB", "30m", "500/day"); undefined when it is not one. */
export function parseQuantity(value: string, kind: QuantityKind, defaultUnit: string): Quantity | undefined {
  const m =
    /^(<=?|>=?|~)?\s*(\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s*-\s*(\d[\d,]*(?:\.\d+)?))?\s*(k|m|b)?\s*(?:\/|per\s*)?\s*([a-z%]+)?$/.exec(
      value.trim().toLowerCase(),
    );
  if (!m) return undefined;
  const a = Number.parseFloat((m[2] ?? '').replace(/,/g, ''));
  const b = m[3] === undefined ? a : Number.parseFloat(m[3].replace(/,/g, ''));
  const rate = kind === 'rate';
  const joined = rate || !m[4] ? (m[5] ?? defaultUnit) : `${m[4]}${m[5] ?? ''}`;
  // "payload=500B", as the form writes a size under 1 KB.
  const word = joined === 'b' && kind === 'size' ? 'bytes' : joined;
  const mult = rate && m[4] ? (m[4] === 'k' ? 1e3 : m[4] === 'm' ? 1e6 : 1e9) : 1;
  const unit = rate
    ? { f: COMPACT_RATE[word] ?? PER_DAY[word], name: 'day' }
    : unitFor(word)?.kind === kind
      ? unitFor(word)
      : undefined;
  if (unit?.f === undefined || !Number.isFinite(a * unit.f * mult)) return undefined;
  const open = m[1]?.startsWith('>') ? 'above' : m[1]?.startsWith('<') ? 'below' : undefined;
  const [low, high] = [Math.min(a, b) * unit.f * mult, Math.max(a, b) * unit.f * mult];
  return {
    kind,
    low,
    high,
    approx: m[1] === '~',
    unit: unit.name,
    role: 'other',
    said: value,
    at: [0, value.length],
    ...(open ? { open } : {}),
  };
}
