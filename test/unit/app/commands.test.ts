import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../../src/app/commands.ts';

describe('what people type after /studybot', () => {
  it.each([
    ['', { name: 'help' }],
    ['  QUIZ   autoscaling ', { name: 'quiz', topic: 'autoscaling' }],
    ['leaderboard', { name: 'leaderboard', period: 'week' }],
    ['leaderboard ALL', { name: 'leaderboard', period: 'all' }],
    ['study retention 0.8', { name: 'study', retention: 0.8 }],
    ['study retention 95%', { name: 'study', retention: 0.95 }],
    [
      'subscribe 7:30 America/New_York daily',
      { name: 'subscribe', time: '07:30', timezone: 'America/New_York', days: 'daily' },
    ],
    ['recommend   20 MB documents', { name: 'recommend', text: '20 MB documents' }],
  ])('"%s" is %j', (text, command) => {
    expect(parseCommandText(text)).toEqual(command);
  });

  it.each([
    ['leaderboard month', 'is not a leaderboard period'],
    ['study retention 2', 'Retention is how likely you want to be to remember'],
    ['study retention lots', 'a number from 0.7 to 0.97'],
    ['subscribe at-nine', "I couldn't read"],
    ['frobnicate', 'I don\'t know "frobnicate"'],
  ])('"%s" gets help that says what was wrong', (text, reason) => {
    const command = parseCommandText(text);
    expect(command.name).toBe('help');
    expect(command.name === 'help' && command.reason).toContain(reason);
  });
});
