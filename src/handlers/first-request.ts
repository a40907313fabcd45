import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Bot } from '../app/bot.ts';
import type { Config } from '../config.ts';
import { log } from '../log.ts';

type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

/**
 * A value built once, on first use, by every caller that asks while it is being built. A failed
 * build is forgotten, so the next request tries again instead of the Lambda failing until recycled.
 */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= build().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}

/**
 * A chat Lambda's handler, wired on its first request: the secrets come from the Parameters and
 * Secrets extension, which answers only during an invocation. Until the wiring is done nothing
 * else runs; a wiring failure is logged (by name, never a value) and answered 500.
 */
export function wiredOnFirstRequest(wire: () => Promise<HttpHandler>): HttpHandler {
  const ready = once(wire);
  return async (event) => {
    let handler: HttpHandler;
    try {
      handler = await ready();
    } catch (err) {
      log.error('lambda wiring failed', { err });
      return { statusCode: 500, body: '' };
    }
    return handler(event);
  };
}

/**
 * The bot, loaded on the first command or click: app code, engines, luxon, the question bank's
 * indexes and the DynamoDB client are not evaluated for requests that never reach the bot
 * (Discord's PING, a refused signature).
 */
export function lazyBot(config: Config): Pick<Bot, 'command' | 'action' | 'home' | 'workspaceRemoved'> {
  const bot = once(async () => (await import('../app/create-bot.ts')).createBot(config));
  return {
    command: async (...args) => (await bot()).command(...args),
    action: async (...args) => (await bot()).action(...args),
    home: async (...args) => (await bot()).home(...args),
    workspaceRemoved: async (...args) => (await bot()).workspaceRemoved(...args),
  };
}
