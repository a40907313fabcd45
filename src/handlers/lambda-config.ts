import { type Config, loadConfig, type Secrets, secretEnvName } from '../config.ts';

const PARAMETER: Record<keyof Secrets, string> = {
  slackSigningSecret: 'slack-signing-secret',
  slackBotToken: 'slack-bot-token',
  discordPublicKey: 'discord-public-key',
  discordApplicationId: 'discord-application-id',
  discordBotToken: 'discord-bot-token',
};

/**
 * Config for a Lambda: secrets are read once per cold start from SSM Parameter Store
 * (`${SSM_PREFIX}/slack-signing-secret`, ...) so they never sit in the function's environment or
 * the CloudFormation template. Without SSM_PREFIX (tests, local), they come from the environment.
 */
export async function loadLambdaConfig(required: (keyof Secrets)[]): Promise<Config> {
  const env: Record<string, string | undefined> = { ...process.env };
  const prefix = process.env.SSM_PREFIX;
  if (prefix) {
    const { SSMClient, GetParametersCommand } = await import('@aws-sdk/client-ssm');
    const ssm = new SSMClient({});
    const names = required.map((k) => `${prefix}/${PARAMETER[k]}`);
    const out = await ssm.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
    for (const p of out.Parameters ?? []) {
      const key = required.find((k) => p.Name === `${prefix}/${PARAMETER[k]}`);
      if (key && p.Value) env[secretEnvName(key)] = p.Value;
    }
  }
  return loadConfig(env, { required });
}

export const SSM_PARAMETER_NAMES = PARAMETER;
