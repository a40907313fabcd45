import { z } from 'zod';

/** One checked figure from content/facts.yaml. */
export const FactSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'fact ids look like "serverless.payload.max"'),
  subject: z.string().min(3),
  value: z.number(),
  unit: z.enum(['bytes', 'KB', 'MB', 'GB', 's', 'min', 'h', 'days', 'percent', 'count', 'instances', 'flag']),
  display: z.string().min(1),
  statement: z.string().min(10),
  source: z.url(),
  misconceptions: z.array(z.string()).optional(),
});
export type Fact = z.infer<typeof FactSchema>;

export const TopicSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  /** The exam domain the topic belongs to (content/domains.yaml). */
  domain: z.string().optional(),
});
export type Topic = z.infer<typeof TopicSchema>;

/** A content domain of the AWS Certified Machine Learning Engineer – Associate exam guide. */
export const DomainSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  /** Its share of the scored exam, in percent, as the exam guide states it. */
  weight: z.number().min(0).max(100),
  source: z.url(),
});
export type Domain = z.infer<typeof DomainSchema>;

/** A seed note and the sections every one of which must be covered by at least one question. */
export const SeedSectionsSchema = z.strictObject({
  seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
  title: z.string(),
  sections: z.array(z.string().min(2)).min(1),
});
export type SeedSections = z.infer<typeof SeedSectionsSchema>;

export const ChoiceSchema = z.strictObject({
  id: z.string().regex(/^[a-e]$/, 'choice ids are a to e'),
  text: z.string().min(1),
});

export const SourceSchema = z.strictObject({
  seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'seed is a file name from shared/seeds'),
  section: z.string().min(2),
  url: z.url().optional(),
});

/** Strict objects: a misspelt key (`fact:` for `facts:`) would otherwise silently skip a check. */
export const QuestionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'question ids are kebab-case'),
  topic: z.string(),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  kind: z.enum(['recall', 'scenario']),
  type: z.enum(['single', 'multiple']),
  prompt: z.string().min(10),
  choices: z.array(ChoiceSchema).min(3, 'a question needs at least 3 choices').max(5, 'at most 5 choices'),
  answer: z.array(z.string()).min(1),
  explanation: z.strictObject({
    correct: z.string().min(20, 'explain why the answer is right'),
    wrong: z.record(z.string(), z.string().min(10)),
  }),
  sources: z.array(SourceSchema).min(1, 'a question needs at least one source'),
  facts: z.array(z.string()).optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

/** Two questions that look alike but test different decisions, and what each decides. */
export const SimilarAllowedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+ \+ [a-z0-9-]+$/, 'written as "<question id> + <question id>"'),
  why: z.string().min(20, 'say which different decision each one tests'),
});
export type SimilarAllowed = z.infer<typeof SimilarAllowedSchema>;

/** What the bundles import: validated, with fact URLs resolved into each question's sources. */
export interface ContentBundle {
  facts: Fact[];
  topics: Topic[];
  domains: Domain[];
  questions: Question[];
  /** The recommend engine's data (content/recommend/*.txt), as text: catalog, answer sentences, words. */
  recommend: { catalog: string; answer: string; lexicon: string; roles: string };
}
