import type { Config } from '../config.ts';
import { Bot } from './bot.ts';

/** Wires the bot to its store once per process (cold start). */
export function createBot(_config: Config): Bot {
  return new Bot();
}
