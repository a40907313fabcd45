import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { type ContentBundle, FactSchema, QuestionSchema, TopicSchema } from './schema.ts';

/** Reads content/ from disk. Used by the build and the content check, never by a Lambda at run time. */
export function readContentDir(dir: string): ContentBundle {
  const facts = z.array(FactSchema).parse(parse(readFileSync(join(dir, 'facts.yaml'), 'utf8')));
  const topics = z.array(TopicSchema).parse(parse(readFileSync(join(dir, 'topics.yaml'), 'utf8')));
  const questionsDir = join(dir, 'questions');
  const questions = readdirSync(questionsDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => z.array(QuestionSchema).parse(parse(readFileSync(join(questionsDir, f), 'utf8')) ?? []));
  return { facts, topics, questions };
}
