import type { ScheduledHandler } from 'aws-lambda';
import { log } from '../log.ts';

/** Placeholder for the daily-question scheduler (EventBridge, every few minutes). */
export const handler: ScheduledHandler = async (event) => {
  log.info('daily scheduler tick', { time: event.time });
};
