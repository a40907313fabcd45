import type { SearchSource } from './reply.ts';

/**
 * IANA time zones for people to pick from: searched as they type (Slack's menu in the subscribe
 * form, Discord's autocomplete) and, when a typed zone is unknown, the close ones to suggest.
 * From the runtime's own list (`Intl.supportedValuesOf`), read once per process.
 */
let zones: string[] | undefined;

/** Every zone, UTC first (Intl's list has no plain "UTC", and people look for it most). */
export function timeZoneNames(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zones;
}

/** What a menu shows before anything is typed: the zones most teams are in, east to west. */
const COMMON = [
  'UTC',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
];

/**
 * The runtime's own spelling of a zone (its ICU may still say Asia/Calcutta for Asia/Kolkata);
 * Intl alone, so Discord's autocomplete, which shares this search, loads no date library.
 */
function ianaSpelling(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/**
 * Zones matching what was typed ("berlin", "europe/b", "new york"): a match of the whole name's
 * start first, then of any part's start, then anywhere; each group in the list's order.
 */
export function searchTimeZones(typed: string, limit: number): string[] {
  const q = normalise(typed);
  if (!q)
    return [...new Set(COMMON.map(ianaSpelling).filter((z): z is string => Boolean(z)))].slice(0, limit);
  const scored: { zone: string; score: number; i: number }[] = [];
  timeZoneNames().forEach((zone, i) => {
    const key = normalise(zone);
    const score = key.startsWith(q)
      ? 3
      : key.split(/[\s/-]+/).some((w) => w.startsWith(q))
        ? 2
        : key.includes(q)
          ? 1
          : 0;
    if (score) scored.push({ zone, score, i });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.slice(0, limit).map((s) => s.zone);
}

/** Edits (insert, delete, replace) between two short strings. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

const lastPart = (s: string) => s.split('/').at(-1) ?? s;

/**
 * The zones someone who typed an unknown one probably meant: ones containing what they typed
 * ("Berlin" → Europe/Berlin), else ones a typo or two away ("Europe/Berln", "Amerca/Chicago").
 */
export function closeTimeZones(typed: string, limit = 3): string[] {
  const q = normalise(typed).slice(0, 64);
  if (q.length < 2) return [];
  const found = searchTimeZones(q, limit);
  if (found.length) return found;
  const city = lastPart(q);
  const near = timeZoneNames()
    .map((zone) => {
      const key = normalise(zone);
      return { zone, d: Math.min(distance(q, key), distance(city, lastPart(key))) };
    })
    .filter((z) => z.d <= Math.max(1, Math.floor(city.length / 4)))
    .sort((a, b) => a.d - b.d);
  return near.slice(0, limit).map((z) => z.zone);
}

/** "Europe/Berlin (UTC+1)": the zone as people read it, with its offset at `at`. */
export function timeZoneLabel(zone: string, at: Date): string {
  const name = zone.replace(/_/g, ' ');
  if (zone === 'UTC') return name;
  try {
    const offset = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    return offset ? `${name} (${offset.replace(/^GMT/, 'UTC').replace(/^UTC$/, 'UTC+0')})` : name;
  } catch {
    return name;
  }
}

/** The options a searchable time-zone field offers for what was typed. */
export function timeZoneOptions(typed: string, at: Date, limit: number): { value: string; label: string }[] {
  return searchTimeZones(typed, limit).map((zone) => ({ value: zone, label: timeZoneLabel(zone, at) }));
}

/** The options a form's searchable field offers for what was typed, by the field's source. */
export function searchOptions(
  source: SearchSource,
  typed: string,
  at: Date,
  limit: number,
): { value: string; label: string }[] {
  switch (source) {
    case 'timezone':
      return timeZoneOptions(typed, at, limit);
  }
}
