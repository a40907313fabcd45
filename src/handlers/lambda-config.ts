import { type Config, loadConfig, type Secrets, secretEnvName } from '../config.ts';
import { DEFAULT_EXTENSION_PORT, readParameters } from './parameters-extension.ts';

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
 *
 * This one uses the SSM client and works during INIT: the daily functions read their tokens at
 * module load. The chat functions use loadLambdaConfigViaExtension, which loads no AWS SDK.
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

/**
 * The same config, with the secrets read through the AWS Parameters and Secrets Lambda Extension
 * (src/handlers/parameters-extension.ts). The extension serves only during an invocation, so this
 * is called on a function's first request, not at module load.
 */
export async function loadLambdaConfigViaExtension(
  required: (keyof Secrets)[],
  source: Record<string, string | undefined> = process.env,
): Promise<Config> {
  const env: Record<string, string | undefined> = { ...source };
  const prefix = source.SSM_PREFIX;
  if (prefix) {
    const names = required.map((k) => `${prefix}/${PARAMETER[k]}`);
    const values = await readParameters(names, {
      token: source.AWS_SESSION_TOKEN ?? '',
      port: Number(source.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT || DEFAULT_EXTENSION_PORT),
    });
    for (const key of required) env[secretEnvName(key)] = values.get(`${prefix}/${PARAMETER[key]}`);
  }
  return loadConfig(env, { required });
}

export const SSM_PARAMETER_NAMES = PARAMETER;
