import * as z from 'zod/mini';
import { questionsById } from '../content/index.ts';
import type { PersonRef, ReportRecord, StudyStore } from '../store/store.ts';
import { encodeAction, ephemeral, type Form, type Outcome, textMessage } from './reply.ts';

/**
 * "Report a problem" on a question's feedback: a one-field form asking what is wrong, stored as one
 * report per person per question (a second report replaces the first, so a replayed submission
 * counts once), and listed for the people who write the bank by `studybot content reports`.
 */
export const MAX_REPORT_CHARS = 300;
const MIN_REPORT_CHARS = 3;

/** Action verbs: the button on the feedback, and the form's submission. */
export const REPORT_BUTTON = 'flag';
export const REPORT_SUBMIT = 'flagd';

/** Control characters (terminal escapes among them) never reach a stored reason. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]+/g;

const ReasonSchema = z.string().check(z.minLength(MIN_REPORT_CHARS), z.maxLength(MAX_REPORT_CHARS));

/** The reason as stored: control characters out, whitespace runs (newlines included) to one space. */
export function cleanReason(raw: string): string {
  return raw.replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
}

export function reportButton(questionId: string) {
  return { action: encodeAction(REPORT_BUTTON, questionId), label: 'Report a problem' };
}

/** The form a click on "Report a problem" opens. */
export function reportForm(questionId: string | undefined): Outcome {
  const question = questionId ? questionsById.get(questionId) : undefined;
  if (!question) return ephemeral(textMessage('That question is no longer in the bank.'));
  const form: Form = {
    action: encodeAction(REPORT_SUBMIT, question.id),
    title: 'Report a problem',
    submitLabel: 'Send report',
    fields: [
      {
        id: 'reason',
        label: 'What is wrong with this question?',
        placeholder: 'e.g. the limit in the answer changed to 60 minutes; choice B is also right',
        multiline: true,
        required: true,
        maxLength: MAX_REPORT_CHARS,
      },
    ],
  };
  return {
    ...ephemeral(textMessage('The report form could not open here; try the button again in a moment.')),
    form,
  };
}

/** The form submitted: checked, stored once per person and question, thanked for in one sentence. */
export async function submitReport(
  store: StudyStore,
  person: PersonRef,
  questionId: string | undefined,
  fields: Record<string, string> | undefined,
  now: Date,
): Promise<Outcome> {
  const question = questionId ? questionsById.get(questionId) : undefined;
  if (!question)
    return ephemeral(textMessage('That question is no longer in the bank, so nothing was sent.'));
  const reason = cleanReason(fields?.reason ?? '');
  const checked = ReasonSchema.safeParse(reason);
  if (!checked.success) {
    return ephemeral(
      textMessage(
        reason.length < MIN_REPORT_CHARS
          ? 'Say in a few words what is wrong with the question, then send the report again.'
          : `A report can be at most ${MAX_REPORT_CHARS} characters; shorten it and send it again.`,
      ),
    );
  }
  const written = await store.saveReport(person, question.id, checked.data, now);
  return ephemeral(
    textMessage(
      written === 'new'
        ? 'Thank you: your report is saved, and the people who write the questions will look at it.'
        : 'Thank you: your earlier report on this question now says this instead.',
    ),
  );
}

/** Reports grouped by question, most reported first, each with its latest reasons. */
export interface QuestionReports {
  questionId: string;
  count: number;
  latest: { reason: string; at: string; platform: ReportRecord['platform'] }[];
  /** False when the question is no longer in the bank. */
  inBank: boolean;
}

export function groupReports(reports: readonly ReportRecord[], keep = 3): QuestionReports[] {
  const byQuestion = new Map<string, ReportRecord[]>();
  for (const r of reports) byQuestion.set(r.questionId, [...(byQuestion.get(r.questionId) ?? []), r]);
  return [...byQuestion.entries()]
    .map(([questionId, list]) => ({
      questionId,
      count: list.length,
      latest: [...list]
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, keep)
        .map((r) => ({ reason: cleanReason(r.reason), at: r.at, platform: r.platform })),
      inBank: questionsById.has(questionId),
    }))
    .sort((a, b) => b.count - a.count || a.questionId.localeCompare(b.questionId));
}
