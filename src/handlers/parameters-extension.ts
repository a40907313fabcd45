import { request } from 'node:http';
import { ConfigError } from '../errors.ts';

/**
 * Reads SSM parameters through the AWS Parameters and Secrets Lambda Extension (AWS's own layer,
 * see serverless.yml): one GET per name to its HTTP server on localhost, which fetches from
 * Parameter Store with the function's role and caches the value. A local HTTP call instead of the
 * SSM client keeps ~250 KB of AWS SDK out of the cold start. The extension answers only during an
 * invocation, never during INIT, so callers read on the first request (src/handlers/first-request.ts).
 *
 * Values are never logged or put in an error message: errors name the parameter and the status.
 */
export interface ExtensionOptions {
  /** PARAMETERS_SECRETS_EXTENSION_HTTP_PORT, 2773 unless set. */
  port?: number;
  /** The function's session token: the extension refuses requests without it (X-Aws-Parameters-Secrets-Token). */
  token: string;
  /** Bounds a hung extension well inside Slack's and Discord's 3 s. */
  timeoutMs?: number;
  /** 'localhost' in Lambda; tests may give 127.0.0.1. */
  host?: string;
}

export const DEFAULT_EXTENSION_PORT = 2773;

/** The extension's answer: the same shape as SSM's GetParameter response. */
interface GetParameterResponse {
  Parameter?: { Name?: string; Value?: string };
}

function getOne(name: string, options: ExtensionOptions): Promise<string> {
  const path = `/systemsmanager/parameters/get?name=${encodeURIComponent(name)}&withDecryption=true`;
  const fail = (why: string) =>
    new ConfigError(
      `SSM parameter ${name} could not be read through the Parameters and Secrets extension (${why}). ` +
        'Store it as docs/deploy.md says, and check the function has the extension layer and ssm:GetParameter on it.',
    );
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? 'localhost',
        port: options.port ?? DEFAULT_EXTENSION_PORT,
        path,
        method: 'GET',
        headers: { 'X-Aws-Parameters-Secrets-Token': options.token },
        timeout: options.timeoutMs ?? 2000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => reject(fail('the response broke off')));
        res.on('end', () => {
          // The body of an error names the parameter at most; it is still not repeated anywhere.
          if (res.statusCode !== 200) return reject(fail(`HTTP ${res.statusCode}`));
          let parsed: GetParameterResponse;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GetParameterResponse;
          } catch {
            return reject(fail('the answer was not JSON'));
          }
          const value = parsed.Parameter?.Value;
          if (typeof value !== 'string' || !value) return reject(fail('the answer had no value'));
          resolve(value);
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (err) =>
      reject(fail(err.message === 'timeout' ? 'no answer in time' : `unreachable: ${err.message}`)),
    );
    req.end();
  });
}

/** Every name's value, read in parallel (the extension allows 3 connections unless told more). */
export async function readParameters(
  names: string[],
  options: ExtensionOptions,
): Promise<Map<string, string>> {
  if (!options.token) {
    throw new ConfigError(
      'AWS_SESSION_TOKEN is not set, so the Parameters and Secrets extension would refuse the request. ' +
        'Lambda sets it; elsewhere leave SSM_PREFIX unset and put the secrets in the environment.',
    );
  }
  const values = await Promise.all(names.map((n) => getOne(n, options)));
  return new Map(names.map((n, i) => [n, values[i] as string]));
}
