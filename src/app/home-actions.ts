/**
 * The ids of the reminder form that App Home's buttons open (home.ts builds it). Apart from
 * home.ts, which loads the views and the question bank, so the Slack adapter can name them at cold
 * start without loading those.
 */

/** The reminder form (Home's "Set a reminder" / "Change reminder") and its submission. */
export const REMIND_FORM = 'rmset';
export const REMIND_SUBMIT = 'rmsetd';
