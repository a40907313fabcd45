/**
 * `npm run bench`: runs every bench/*.bench.ts and prints one table of figures.
 * Each bench file exports `bench(): Promise<Figure[]>`; figures are measured, never asserted.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { bench: () => Promise<Figure[]> };
  console.log(`\n## ${file.replace('.bench.ts', '')}`);
  for (const f of await mod.bench()) {
    const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(3);
    console.log(`${f.name.padEnd(58)} ${value.padStart(12)} ${f.unit}${f.note ? `  (${f.note})` : ''}`);
  }
}
