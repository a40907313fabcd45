import { searchTimeZones } from '../../app/time-zones.ts';
import { content } from '../../content/index.ts';

/** One autocomplete suggestion as Discord wants it (name shown, value sent; both at most 100 chars). */
export interface Suggestion {
  name: string;
  value: string;
}

const MAX_SUGGESTIONS = 25;

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** Prefix matches (of the whole text or of any word) first, then other matches, each in list order. */
function rank<T>(items: T[], typed: string, keys: (item: T) => string[]): T[] {
  const q = normalise(typed);
  if (!q) return items.slice(0, MAX_SUGGESTIONS);
  const scored: { item: T; score: number; i: number }[] = [];
  items.forEach((item, i) => {
    let best = 0;
    for (const key of keys(item).map(normalise)) {
      if (key.startsWith(q)) best = Math.max(best, 3);
      else if (key.split(/[\s/-]+/).some((w) => w.startsWith(q))) best = Math.max(best, 2);
      else if (key.includes(q)) best = Math.max(best, 1);
    }
    if (best) scored.push({ item, score: best, i });
  });
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => s.item);
}

/** Topics from the question bank, matched on id or name; the value is the topic id the bot expects. */
export function suggestTopics(typed: string): Suggestion[] {
  return rank(content.topics, typed, (t) => [t.id, t.name]).map((t) => ({
    name: t.name.slice(0, 100),
    value: t.id,
  }));
}

/**
 * IANA time zones, matched on any part ("berlin", "europe/b", "new york"); before anything is
 * typed, the common ones. The same search as the Slack subscribe form's time-zone menu.
 */
export function suggestTimeZones(typed: string): Suggestion[] {
  return searchTimeZones(typed, MAX_SUGGESTIONS).map((z) => ({ name: z, value: z }));
}

/** The suggestions for a focused option, or none for an option that has no autocomplete. */
export function suggest(option: string, typed: string): Suggestion[] {
  if (option === 'topic') return suggestTopics(typed);
  if (option === 'timezone') return suggestTimeZones(typed);
  return [];
}
