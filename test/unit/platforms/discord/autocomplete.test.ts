import { describe, expect, it } from 'vitest';
import { content } from '../../../../src/content/index.ts';
import { suggest, suggestTimeZones, suggestTopics } from '../../../../src/platforms/discord/autocomplete.ts';

describe('Discord autocomplete', () => {
  it('offers every topic (up to 25) when nothing is typed, with the topic id as the value', () => {
    const all = suggestTopics('');
    expect(all).toHaveLength(Math.min(25, content.topics.length));
    expect(all[0]).toEqual({ name: content.topics[0]!.name, value: content.topics[0]!.id });
  });

  it.each([
    ['auto', 'autoscaling'],
    ['Autoscal', 'autoscaling'],
    ['shadow', 'shadow-ab-testing'],
    ['a/b', 'shadow-ab-testing'],
  ])('matches topic text %j to %s', (typed, id) => {
    expect(suggestTopics(typed).map((s) => s.value)).toContain(id);
  });

  it.each([
    ['berlin', 'Europe/Berlin'],
    ['europe/ber', 'Europe/Berlin'],
    ['new york', 'America/New_York'],
    ['utc', 'UTC'],
  ])('matches time zone text %j to %s first', (typed, zone) => {
    expect(suggestTimeZones(typed)[0]?.value).toBe(zone);
  });

  it('never offers more than Discord’s 25 choices, and names fit its 100-character limit', () => {
    const many = suggestTimeZones('a');
    expect(many).toHaveLength(25);
    for (const s of [...many, ...suggestTopics('')]) expect(s.name.length).toBeLessThanOrEqual(100);
  });

  it('offers nothing for text that matches nothing, and nothing for options without autocomplete', () => {
    expect(suggestTimeZones('zzzz-nowhere')).toEqual([]);
    expect(suggest('text', 'auto')).toEqual([]);
  });
});
