import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../../../src/local/embedded-dynamo.ts';
import { createDocumentClient, ensureTable } from '../../../src/store/table.ts';

/**
 * Issue 13: every Query and Scan on the embedded store left its LevelDB iterator open for the life
 * of the process (dynalite 4.0.0 closes it only through a `return()` that abstract-level's
 * iterators lack; see src/local/level-iterator-fix.ts), which is how `npm start` grew to 1.5 GB.
 *
 * Open iterators are counted where abstract-level keeps them: each one registers itself with its
 * database (`attachResource`) when created and leaves (`detachResource`) when closed. The count is
 * read from the modules dynalite itself loads, so it holds with or without the workaround.
 */
interface LevelPrototype {
  attachResource(resource: object): void;
  detachResource(resource: object): void;
}

function dynaliteLevelPrototypes(): LevelPrototype[] {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const fromLevel = createRequire(fromDynalite.resolve('level'));
  const backends = [fromLevel.resolve('classic-level'), fromDynalite.resolve('memory-level')];
  const modules = new Set(
    backends.map(
      (b) => createRequire(b)('abstract-level') as { AbstractLevel: { prototype: LevelPrototype } },
    ),
  );
  return [...modules].map((m) => m.AbstractLevel.prototype);
}

const open = new Set<object>();
const restore: (() => void)[] = [];
const openIterators = () => [...open].filter((r) => /Iterator/.test(r.constructor.name)).length;

beforeAll(() => {
  for (const proto of dynaliteLevelPrototypes()) {
    const { attachResource, detachResource } = proto;
    proto.attachResource = function (this: LevelPrototype, resource: object) {
      open.add(resource);
      return attachResource.call(this, resource);
    };
    proto.detachResource = function (this: LevelPrototype, resource: object) {
      open.delete(resource);
      return detachResource.call(this, resource);
    };
    restore.push(() => {
      proto.attachResource = attachResource;
      proto.detachResource = detachResource;
    });
  }
});
afterAll(() => {
  for (const undo of restore.splice(0)) undo();
});

const TABLE = 'iterators';
const ROUNDS = 20;

describe.each([
  { where: 'in memory (memory-level, as the tests run it)', persist: false },
  { where: 'on disk (classic-level, as `npm start` runs it)', persist: true },
])('the embedded store $where', ({ persist }) => {
  let dir: string | undefined;
  let dynamo: EmbeddedDynamo;
  let doc: DynamoDBDocumentClient;

  beforeAll(async () => {
    dir = persist ? mkdtempSync(join(tmpdir(), 'studybot-iterators-')) : undefined;
    dynamo = await startEmbeddedDynamo(dir ? { path: dir } : {});
    doc = createDocumentClient({ endpoint: dynamo.endpoint, region: 'us-east-1' });
    await ensureTable(doc, TABLE);
    for (let i = 0; i < 12; i++) {
      await doc.send(
        new PutCommand({
          TableName: TABLE,
          Item: { pk: 'p', sk: `s${String(i).padStart(2, '0')}`, gsi1pk: 'g', gsi1sk: `x${i}` },
        }),
      );
    }
  });
  afterAll(async () => {
    doc?.destroy();
    await dynamo?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Waits for the iterators opened since `before` to be closed (closing is asynchronous). */
  const allClosedSince = (before: number) =>
    vi.waitFor(() => expect(openIterators() - before).toBe(0), { timeout: 2000, interval: 20 });

  it('closes the iterator of every Query, read to the end or stopped at its Limit', async () => {
    const before = openIterators();
    const query = {
      TableName: TABLE,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': 'p' },
    };
    for (let i = 0; i < ROUNDS; i++) {
      const all = await doc.send(new QueryCommand(query));
      expect(all.Items).toHaveLength(12);
      const page = await doc.send(new QueryCommand({ ...query, Limit: 5, ScanIndexForward: false }));
      expect(page.Items).toHaveLength(5);
      const index = await doc.send(
        new QueryCommand({
          TableName: TABLE,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :g',
          ExpressionAttributeValues: { ':g': 'g' },
        }),
      );
      expect(index.Items).toHaveLength(12);
      const none = await doc.send(
        new QueryCommand({ ...query, ExpressionAttributeValues: { ':p': 'nobody' } }),
      );
      expect(none.Items).toHaveLength(0);
    }
    await allClosedSince(before);
  });

  it('closes the iterator of every Scan and ListTables', async () => {
    const before = openIterators();
    for (let i = 0; i < ROUNDS; i++) {
      expect((await doc.send(new ScanCommand({ TableName: TABLE }))).Items).toHaveLength(12);
      expect((await doc.send(new ScanCommand({ TableName: TABLE, Limit: 3 }))).Items).toHaveLength(3);
      expect((await doc.send(new ListTablesCommand({}))).TableNames).toContain(TABLE);
    }
    await allClosedSince(before);
  });
});
