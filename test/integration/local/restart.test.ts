import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { DEV_SECRETS } from '../../../src/local/dev-secrets.ts';
import { startLocalBot } from '../../../src/local/local-bot.ts';
import { DynamoStudyStore } from '../../../src/store/dynamo-store.ts';
import { createDocumentClient } from '../../../src/store/table.ts';

describe('the embedded store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'studybot-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data when `npm start` is stopped and started again', async () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir }, { devDefaults: DEV_SECRETS });
    const channel = { platform: 'slack' as const, tenantId: 'T1', channelId: 'C1' };

    const first = await startLocalBot(config);
    const store1 = new DynamoStudyStore(
      createDocumentClient({ endpoint: first.dynamoEndpoint, region: 'us-east-1' }),
      config.tableName,
    );
    await store1.setChannelTimeZone(channel, 'Europe/Berlin');
    await first.close();

    const second = await startLocalBot(config);
    try {
      const store2 = new DynamoStudyStore(
        createDocumentClient({ endpoint: second.dynamoEndpoint, region: 'us-east-1' }),
        config.tableName,
      );
      expect(await store2.getChannel(channel)).toMatchObject({ timeZone: 'Europe/Berlin' });
      const health = await fetch(`${second.url}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
