import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDocumentClient, ensureTable } from '../../src/store/table.ts';
import type { DynamoTarget } from './global-setup.ts';

/** The servers every storage test runs against (dynalite, plus DynamoDB Local when Java is present). */
export const dynamoTargets: DynamoTarget[] = inject('dynamoTargets');

/** A fresh table on the given server, so tests never see each other's data. */
export async function freshTable(target: DynamoTarget) {
  const tableName = `t-${randomUUID().slice(0, 8)}`;
  const client = createDocumentClient({ endpoint: target.endpoint, region: 'us-east-1' });
  await ensureTable(client, tableName);
  return { client, tableName };
}
