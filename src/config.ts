import * as z from 'zod/mini';
import { ConfigError } from './errors.ts';
import { configureLog, LOG_LEVELS, type LogLevel, parseLogLevel } from './log.ts';

/**
 * Configuration is parsed once, at start. A missing or malformed value stops the start with one
 * sentence saying what to set and where to find it.
 */
const WHERE: Record<string, string> = {
  SLACK_SIGNING_SECRET: 'Slack app settings > Basic Information > App Credentials > Signing Secret',
  SLACK_BOT_TOKEN: 'Slack app settings > OAuth & Permissions > Bot User OAuth Token (xoxb-...)',
  DISCORD_PUBLIC_KEY:
    'Discord Developer Portal > your application > General Information > Public Key (64 hex characters)',
  DISCORD_APPLICATION_ID:
    'Discord Developer Portal > your application > General Information > Application ID',
  DISCORD_BOT_TOKEN: 'Discord Developer Portal > your application > Bot > Reset Token',
  DYNAMODB_ENDPOINT:
    'a URL such as http://localhost:8000 for DynamoDB Local; leave unset for the embedded store or AWS',
  SLACK_API_URL: 'a URL such as https://slack.com/api/',
  DISCORD_API_URL: 'a URL such as https://discord.com/api',
  PORT: 'a port number such as 3000',
  SLACK_ADMIN_USER_IDS: 'a comma-separated list of Slack user ids such as U012AB3CD,U045EF6GH',
  LOG_LEVEL: `one of ${LOG_LEVELS.join(', ')}, or leave it unset for info`,
  DAILY_QUEUE_URL:
    'the URL of the daily SQS queue (serverless.yml sets it), or leave it unset to post every channel in the pass',
  DAILY_FAN_OUT_ABOVE: 'a whole number such as 50: with more due channels than this, a pass queues them',
};

// zod/mini: the same validation as zod's classic API at a fraction of the bundle (cold start).
const RULES: Record<string, z.ZodMiniType<string>> = {
  PORT: z.string().check(
    z.regex(/^\d{1,5}$/, 'must be a whole number'),
    z.refine((s) => Number(s) <= 65535, 'must be at most 65535'),
  ),
  DYNAMODB_ENDPOINT: z.url(),
  DYNAMODB_TABLE: z
    .string()
    .check(z.regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be 3 to 255 letters, digits, _ . or -')),
  SLACK_API_URL: z.url(),
  DISCORD_API_URL: z.url(),
  DISCORD_PUBLIC_KEY: z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')),
  SLACK_ADMIN_USER_IDS: z
    .string()
    .check(z.regex(/^[A-Z0-9]+(\s*,\s*[A-Z0-9]+)*$/, 'must be user ids separated by commas')),
  LOG_LEVEL: z.string().check(z.refine((s) => parseLogLevel(s) !== undefined, 'not a level StudyBot knows')),
  DAILY_QUEUE_URL: z.url(),
  DAILY_FAN_OUT_ABOVE: z.string().check(z.regex(/^\d{1,6}$/, 'must be a whole number')),
};

/** A variable's value: trimmed, empty as unset, and checked against its rule if it has one. */
function read(env: Record<string, string | undefined>, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const rule = RULES[name];
  const result = rule?.safeParse(raw);
  if (result && !result.success) {
    const hint = WHERE[name] ? ` Set it to ${WHERE[name]}.` : '';
    throw new ConfigError(
      `${name} is not valid (${result.error.issues[0]?.message ?? 'unreadable'}).${hint}`,
    );
  }
  return raw;
}

export interface Secrets {
  slackSigningSecret: string;
  slackBotToken: string;
  discordPublicKey: string;
  discordApplicationId: string;
  discordBotToken: string;
}

export interface Config extends Secrets {
  port: number;
  dataDir: string;
  dynamoEndpoint: string | undefined;
  tableName: string;
  region: string;
  slackApiUrl: string;
  discordApiUrl: string;
  slackAdminUserIds: string[];
  logLevel: LogLevel;
  /** The daily SQS queue; without it, a scheduler pass posts every due channel itself. */
  dailyQueueUrl: string | undefined;
  /** With a queue, a pass that finds more due channels than this queues them for the workers. */
  dailyFanOutAbove: number;
  /** Names of the secrets that fell back to local development values (never the values). */
  devSecrets: (keyof Secrets)[];
}

const SECRET_ENV: Record<keyof Secrets, string> = {
  slackSigningSecret: 'SLACK_SIGNING_SECRET',
  slackBotToken: 'SLACK_BOT_TOKEN',
  discordPublicKey: 'DISCORD_PUBLIC_KEY',
  discordApplicationId: 'DISCORD_APPLICATION_ID',
  discordBotToken: 'DISCORD_BOT_TOKEN',
};

export function loadConfig(
  env: Record<string, string | undefined>,
  options: { devDefaults?: Secrets; required?: (keyof Secrets)[] } = {},
): Config {
  const v = (name: string) => read(env, name);
  const devSecrets: (keyof Secrets)[] = [];
  const secret = (key: keyof Secrets): string => {
    const value = v(SECRET_ENV[key]);
    if (value) return value;
    if (options.devDefaults) {
      devSecrets.push(key);
      return options.devDefaults[key];
    }
    const name = SECRET_ENV[key];
    // A function that never uses a secret (Slack's handler and Discord's key) need not have it.
    if (options.required && !options.required.includes(key)) return '';
    throw new ConfigError(`${name} is not set. Find it in ${WHERE[name]}.`);
  };
  const config: Config = {
    port: Number(v('PORT') ?? 3000),
    dataDir: v('DATA_DIR') ?? '.data',
    dynamoEndpoint: v('DYNAMODB_ENDPOINT'),
    tableName: v('DYNAMODB_TABLE') ?? 'studybot',
    region: v('AWS_REGION') ?? 'us-east-1',
    slackApiUrl: v('SLACK_API_URL') ?? 'https://slack.com/api/',
    discordApiUrl: v('DISCORD_API_URL') ?? 'https://discord.com/api',
    slackAdminUserIds: (v('SLACK_ADMIN_USER_IDS') ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
    logLevel: parseLogLevel(v('LOG_LEVEL')) ?? 'info',
    dailyQueueUrl: v('DAILY_QUEUE_URL'),
    dailyFanOutAbove: Number(v('DAILY_FAN_OUT_ABOVE') ?? 50),
    slackSigningSecret: secret('slackSigningSecret'),
    slackBotToken: secret('slackBotToken'),
    discordPublicKey: secret('discordPublicKey'),
    discordApplicationId: secret('discordApplicationId'),
    discordBotToken: secret('discordBotToken'),
    devSecrets,
  };
  // Every runtime (Lambda, npm start, the CLI) reads its config here first, so the log takes its
  // level from here and never reads the environment itself.
  configureLog({ level: config.logLevel });
  return config;
}

export function secretEnvName(key: keyof Secrets): string {
  return SECRET_ENV[key];
}
