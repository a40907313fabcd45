import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the AWS Parameters and Secrets Lambda Extension's HTTP server
 * (GET /systemsmanager/parameters/get?name=<name>&withDecryption=true on localhost:2773). Like the
 * extension it refuses a request without the function's session token (401), answers an unknown
 * name 400, and otherwise answers SSM's GetParameter shape. It records the names asked for.
 *
 *   const ext = await startFakeParametersExtension({ token: 'session', parameters: { '/p/x': 'v' } });
 *   env PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = String(ext.port), AWS_SESSION_TOKEN = 'session'
 */
export interface FakeParametersExtension {
  port: number;
  /** Every name asked for, in order, with whether the token matched. */
  requests(): { name: string; authorized: boolean; withDecryption: boolean }[];
  close(): Promise<void>;
}

export async function startFakeParametersExtension(options: {
  token: string;
  parameters: Record<string, string>;
  /** Milliseconds before each answer (a cold extension fetching from SSM). */
  delayMs?: number;
}): Promise<FakeParametersExtension> {
  const seen: { name: string; authorized: boolean; withDecryption: boolean }[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const name = url.searchParams.get('name') ?? '';
    const authorized = req.headers['x-aws-parameters-secrets-token'] === options.token;
    seen.push({ name, authorized, withDecryption: url.searchParams.get('withDecryption') === 'true' });
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    setTimeout(() => {
      if (req.method !== 'GET' || url.pathname !== '/systemsmanager/parameters/get')
        return answer(404, 'not found');
      if (!authorized) return answer(401, 'missing or wrong X-Aws-Parameters-Secrets-Token');
      const value = options.parameters[name];
      if (value === undefined) return answer(400, `parameter ${name} not found`);
      answer(200, {
        Parameter: {
          ARN: `arn:aws:ssm:us-east-1:123456789012:parameter${name}`,
          DataType: 'text',
          LastModifiedDate: '2026-01-01T00:00:00.000Z',
          Name: name,
          Selector: null,
          SourceResult: null,
          Type: 'SecureString',
          Value: value,
          Version: 1,
        },
        ResultMetadata: {},
      });
    }, options.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
