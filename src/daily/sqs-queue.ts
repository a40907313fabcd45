import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DailyQueue, DueBatch } from './pass.ts';

/**
 * The Lambda fan-out queue. Only the daily scheduler's bundle imports this file, so the SQS client
 * never reaches the chat handlers. A message is one batch of due channels (a few KB, far below the
 * 256 KB limit); SendMessageBatch takes ten messages a call.
 */
export class SqsDailyQueue implements DailyQueue {
  constructor(
    private readonly queueUrl: string,
    private readonly client = new SQSClient({}),
  ) {}

  async send(batches: DueBatch[]): Promise<void> {
    for (let i = 0; i < batches.length; i += 10) {
      const entries = batches
        .slice(i, i + 10)
        .map((b, j) => ({ Id: String(i + j), MessageBody: JSON.stringify(b) }));
      let pending = entries;
      // SendMessageBatch can accept some entries and refuse others; resend only the refused ones.
      for (let attempt = 0; pending.length > 0; attempt++) {
        const out = await this.client.send(
          new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }),
        );
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        pending = pending.filter((e) => failed.has(e.Id));
        // Channels not queued stay due in the store; the next pass queues them again.
        if (attempt >= 2) break;
      }
    }
  }
}

/** Reads one queue message back; anything malformed is dropped (it would fail the same way forever). */
export function parseBatch(body: string): DueBatch | undefined {
  try {
    const value = JSON.parse(body) as DueBatch;
    return Array.isArray(value.items) ? value : undefined;
  } catch {
    return undefined;
  }
}
