import { createRequire } from 'node:module';

/**
 * A runtime fix for a leak in dynalite 4.0.0, for the embedded store only (src/local is never
 * bundled into a Lambda; test/deploy checks that).
 *
 * The bug: dynalite's `db/index.js` turns level iterators into streams for every Query, Scan and
 * ListTables (`createKeyStream` and `createValueStream`, lines 410-474 of dynalite 4.0.0). The
 * stream's `destroy` closes the iterator only `if (iterator.return)` (lines 431 and 464), but the
 * iterators of abstract-level 3 (what level 10 → classic-level 3 on disk and memory-level 3 in
 * memory are built on) have no `return()`: they are closed with `close()`
 * (abstract-level/abstract-iterator.js, line 234), and reaching the end of the data does not close
 * them. Every iterator adds itself to its database's open-resource set when created
 * (`this.db.attachResource(this)`, line 47) and only leaves it in `close()`, so each Query kept its
 * iterator for the life of the process: on disk a native LevelDB iterator (plus abstract-level's
 * DefaultValueIterator around it) pinning its snapshot of the memtables and table files, in memory
 * a MemoryValueIterator pinning that version of the whole tree. That is the embedded store's
 * growth under `npm start` (issue 13).
 *
 * The fix: give abstract-level's three iterator classes the `return()` dynalite expects, which
 * closes the iterator. dynalite's destroy then runs as written: when a stream ends (Node destroys a
 * Readable after 'end'), when a Query stops at its Limit or 1 MB (dynalite destroys the stream),
 * and on a read error. `close()` during a pending `next()` waits for it (abstract-level's own rule).
 *
 * To remove it: once dynalite's stream destroy calls `iterator.close()` (or abstract-level's
 * iterators get a `return()`), delete this file and its call in embedded-dynamo.ts, and check
 * test/integration/local/embedded-store-iterators.test.ts still passes (it counts open iterators,
 * so it holds with or without this file); `applyLevelIteratorFix` already leaves a `return()` it
 * finds alone.
 */

interface LevelIteratorClass {
  prototype: { close(): Promise<void>; return?: unknown };
}

interface AbstractLevelModule {
  AbstractIterator: LevelIteratorClass;
  AbstractKeyIterator: LevelIteratorClass;
  AbstractValueIterator: LevelIteratorClass;
}

/**
 * The abstract-level copies dynalite's two stores are built on (one today, deduplicated by npm;
 * each is patched should a future install nest different versions).
 */
export function dynaliteAbstractLevels(): AbstractLevelModule[] {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const fromLevel = createRequire(fromDynalite.resolve('level'));
  const backends = [fromLevel.resolve('classic-level'), fromDynalite.resolve('memory-level')];
  const modules = new Set(backends.map((backend) => createRequire(backend)('abstract-level')));
  return [...modules] as AbstractLevelModule[];
}

async function closeOnReturn(this: { close(): Promise<void> }): Promise<IteratorReturnResult<undefined>> {
  await this.close();
  return { done: true, value: undefined };
}

/**
 * Gives the iterators of dynalite's level stores a `return()` that closes them. Idempotent;
 * returns how many iterator classes it patched (0 when they already have one).
 */
export function applyLevelIteratorFix(): number {
  let patched = 0;
  for (const level of dynaliteAbstractLevels()) {
    for (const Iterator of [level.AbstractIterator, level.AbstractKeyIterator, level.AbstractValueIterator]) {
      if (typeof Iterator.prototype.return === 'function') continue;
      Object.defineProperty(Iterator.prototype, 'return', {
        value: closeOnReturn,
        writable: true,
        configurable: true,
        enumerable: false,
      });
      patched++;
    }
  }
  return patched;
}
