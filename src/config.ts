import { z } from 'zod';
import { ConfigError } from './errors.ts';

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
};

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('.data'),
  DYNAMODB_ENDPOINT: z
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DYNAMODB_TABLE: z.string().min(3).default('studybot'),
  AWS_REGION: z.string().default('us-east-1'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  SLACK_ADMIN_USER_IDS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  DISCORD_PUBLIC_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
      .optional(),
  ),
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_BOT_TOKEN: optionalString,
  DISCORD_API_URL: z.url().default('https://discord.com/api'),
});

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
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    const hint = WHERE[name] ? ` Set it to ${WHERE[name]}.` : '';
    throw new ConfigError(`${name} is not valid (${issue.message}).${hint}`);
  }
  const e = parsed.data;
  const devSecrets: (keyof Secrets)[] = [];
  const secret = (key: keyof Secrets): string => {
    const value = e[SECRET_ENV[key] as keyof typeof e] as string | undefined;
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
  return {
    port: e.PORT,
    dataDir: e.DATA_DIR,
    dynamoEndpoint: e.DYNAMODB_ENDPOINT,
    tableName: e.DYNAMODB_TABLE,
    region: e.AWS_REGION,
    slackApiUrl: e.SLACK_API_URL,
    discordApiUrl: e.DISCORD_API_URL,
    slackAdminUserIds: e.SLACK_ADMIN_USER_IDS,
    slackSigningSecret: secret('slackSigningSecret'),
    slackBotToken: secret('slackBotToken'),
    discordPublicKey: secret('discordPublicKey'),
    discordApplicationId: secret('discordApplicationId'),
    discordBotToken: secret('discordBotToken'),
    devSecrets,
  };
}

export function secretEnvName(key: keyof Secrets): string {
  return SECRET_ENV[key];
}
