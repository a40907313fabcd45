import type { Message } from './reply.ts';

/**
 * The commands people type, the same on every platform. Slack sends free text after /studybot;
 * Discord sends typed options; both adapters produce one of these.
 */
export type Command =
  | { name: 'help'; reason?: string }
  | { name: 'quiz'; topic?: string }
  | { name: 'study'; topic?: string; retention?: number }
  | { name: 'recommend'; text: string }
  | { name: 'leaderboard'; period: 'week' | 'all' }
  | { name: 'progress' }
  | { name: 'subscribe'; time?: string; timezone?: string; days?: 'weekdays' | 'daily' }
  | { name: 'unsubscribe' }
  | { name: 'forget-me' }
  | { name: 'remind'; time?: string; timeZone?: string; off?: boolean }
  | { name: 'settings'; retention?: string; newPerDay?: string; timeZone?: string };

/** The longest workload description read; Discord's option and the playground take the same. */
export const MAX_RECOMMEND_CHARS = 4000;

/** The range of desired retention a person may choose (FSRS request_retention). */
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;

export const SUBCOMMANDS = [
  { name: 'quiz', usage: 'quiz [topic]', about: 'post a question to this channel now' },
  {
    name: 'study',
    usage: 'study [topic|mistakes|weakest]',
    about: 'your next review card (only you see it); mistakes or weakest: a drill that keeps your schedule',
  },
  {
    name: 'recommend',
    usage: 'recommend [workload]',
    about: 'which SageMaker deployment fits a workload (alone: a form to describe it)',
  },
  { name: 'leaderboard', usage: 'leaderboard [week|all]', about: "this channel's top 10" },
  { name: 'progress', usage: 'progress', about: 'your streak, due cards and readiness per topic' },
  {
    name: 'settings',
    usage: 'settings [retention 90] [new 10] [zone Europe/Berlin]',
    about: 'your desired retention, new cards a day and time zone (alone: a form)',
  },
  {
    name: 'subscribe',
    usage: 'subscribe [HH:MM] [time zone] [weekdays|daily]',
    about: 'a daily question in this channel (alone: a form, or the subscription if you may not change it)',
  },
  {
    name: 'unsubscribe',
    usage: 'unsubscribe',
    about: 'stop the daily question here (asks you to confirm first)',
  },
  {
    name: 'remind',
    usage: 'remind [HH:MM] [time zone] | remind off',
    about: 'a direct message at that time on days you have cards due (alone: your reminder)',
  },
  {
    name: 'forget-me',
    usage: 'forget-me',
    about: 'delete everything StudyBot keeps about you here (asks you to confirm first)',
  },
  { name: 'help', usage: 'help', about: 'this list' },
] as const;

/** Parses the text after `/studybot` (Slack). Unknown or malformed input becomes help with a reason. */
export function parseCommandText(raw: string): Command {
  const text = raw.trim().replace(/\s+/g, ' ');
  const [head = '', ...rest] = text.split(' ');
  const sub = head.toLowerCase();
  const args = rest.join(' ');
  switch (sub) {
    case '':
    case 'help':
      return { name: 'help' };
    case 'quiz':
      return args ? { name: sub, topic: args } : { name: sub };
    case 'study':
      return parseStudyArgs(args);
    case 'recommend':
      if (args.length > MAX_RECOMMEND_CHARS) {
        return {
          name: 'help',
          reason: `A workload description can be at most ${MAX_RECOMMEND_CHARS.toLocaleString('en-US')} characters (yours has ${args.length.toLocaleString('en-US')}). Keep the sizes, times and traffic, e.g. \`recommend 20 MB documents, results within 30 minutes, 500 a day\`.`,
        };
      }
      return { name: 'recommend', text: args };
    case 'leaderboard': {
      const period = args.toLowerCase() || 'week';
      if (period !== 'week' && period !== 'all') {
        return { name: 'help', reason: `"${clip(args)}" is not a leaderboard period; use week or all.` };
      }
      return { name: 'leaderboard', period };
    }
    case 'progress':
      return { name: 'progress' };
    case 'unsubscribe':
      return { name: 'unsubscribe' };
    case 'subscribe':
      return parseSubscribeArgs(rest);
    case 'forget-me':
    case 'forgetme':
      return { name: 'forget-me' };
    case 'remind':
    case 'reminder':
      return parseRemindArgs(rest);
    case 'settings':
    case 'setting':
      return parseSettingsArgs(args);
    default:
      return { name: 'help', reason: `I don't know "${clip(head)}".` };
  }
}

/** `study [topic] [retention 0.85]`: the retention (desired recall, FSRS) may come anywhere. */
function parseStudyArgs(args: string): Command {
  const m = args.match(/\bretention\s*[= ]\s*(\S+)/i);
  const topic = (m ? args.replace(m[0], '') : args).trim();
  if (!m) return topic ? { name: 'study', topic } : { name: 'study' };
  const raw = m[1]!.replace(/%$/, '');
  const value = Number(raw) > 1 ? Number(raw) / 100 : Number(raw);
  if (!Number.isFinite(value) || value < MIN_RETENTION || value > MAX_RETENTION) {
    return {
      name: 'help',
      reason: `Retention is how likely you want to be to remember a card when it comes back: a number from ${MIN_RETENTION} to ${MAX_RETENTION} (or ${MIN_RETENTION * 100}% to ${MAX_RETENTION * 100}%), e.g. \`study retention 0.9\`.`,
    };
  }
  // Whole percent: finer steps change nothing a person notices, and each distinct value is a scheduler.
  return { name: 'study', retention: Math.round(value * 100) / 100, ...(topic ? { topic } : {}) };
}

const SETTING_NAMES: Record<string, 'retention' | 'newPerDay' | 'timeZone'> = {
  retention: 'retention',
  new: 'newPerDay',
  'new-per-day': 'newPerDay',
  newperday: 'newPerDay',
  zone: 'timeZone',
  tz: 'timeZone',
  timezone: 'timeZone',
};

/** `settings retention 90 new 10 zone Europe/Berlin` (or `key=value`); the values are checked later. */
function parseSettingsArgs(args: string): Command {
  const cmd: Extract<Command, { name: 'settings' }> = { name: 'settings' };
  const words = args
    .replace(/\s*=\s*/g, ' ')
    .split(' ')
    .filter(Boolean);
  for (let i = 0; i < words.length; i += 2) {
    const key = SETTING_NAMES[words[i]!.toLowerCase()];
    const value = words[i + 1];
    if (!key || value === undefined)
      return {
        name: 'help',
        reason: `I couldn't read "${clip(words.slice(i).join(' '))}"; try \`settings retention 90 new 10 zone Europe/Berlin\`.`,
      };
    cmd[key] = value;
  }
  return cmd;
}

function parseSubscribeArgs(words: string[]): Command {
  const cmd: Extract<Command, { name: 'subscribe' }> = { name: 'subscribe' };
  for (const word of words) {
    const w = word.toLowerCase();
    if (/^\d{1,2}:\d{2}$/.test(w)) cmd.time = w.padStart(5, '0');
    else if (w === 'weekdays' || w === 'daily') cmd.days = w;
    else if (/^[a-z_]+(\/[a-z0-9_+-]+)+$/i.test(word) || w === 'utc') cmd.timezone = word;
    else {
      return {
        name: 'help',
        reason: `I couldn't read "${clip(word)}"; try \`subscribe 09:00 Europe/Berlin weekdays\`.`,
      };
    }
  }
  return cmd;
}

/** `remind 08:30 Europe/Berlin`, `remind off`, `remind` alone; time and zone are checked later. */
function parseRemindArgs(words: string[]): Command {
  const cmd: Extract<Command, { name: 'remind' }> = { name: 'remind' };
  const example = 'try `remind 08:30 Europe/Berlin` or `remind off`';
  for (const word of words) {
    const w = word.toLowerCase();
    if (w === 'off' || w === 'stop') cmd.off = true;
    else if (/^\d{1,2}[:.h]\d{2}$/.test(w)) cmd.time = w.replace(/[.h]/, ':');
    else if (/^[a-z_]+(\/[a-z0-9_+-]+)+$/i.test(word) || w === 'utc') cmd.timeZone = word;
    else return { name: 'help', reason: `I couldn't read "${clip(word)}" as a reminder time; ${example}.` };
  }
  if (cmd.off && (cmd.time || cmd.timeZone))
    return { name: 'help', reason: `\`remind off\` takes nothing else; ${example}.` };
  return cmd;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

export function helpMessage(reason?: string): Message {
  const lines = SUBCOMMANDS.map((s) => `\`/studybot ${s.usage}\` — ${s.about}`);
  return {
    text: `${reason ? `${reason} ` : ''}StudyBot commands: ${SUBCOMMANDS.map((s) => s.name).join(', ')}`,
    title: 'StudyBot',
    sections: [
      ...(reason ? [{ lines: [reason] }] : []),
      {
        lines: [
          'Daily questions, spaced-repetition review and SageMaker deployment advice for ML engineers on AWS.',
        ],
      },
      { heading: 'Commands', lines },
    ],
  };
}
