import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContentDir } from './load.ts';

/** Validates content/ and writes the bundle the handlers import, so no request ever parses YAML. */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = readContentDir(join(root, 'content'));
const out = join(root, 'src', 'content', 'generated', 'content.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(bundle));
console.log(`content: ${bundle.questions.length} questions, ${bundle.facts.length} facts -> ${out}`);
