/**
 * One small error base with a stable code; one subclass per failure a person can meet.
 * `userMessage` is the short sentence a chat user sees; the rest (and `cause`) goes to the log only.
 */
export class StudyBotError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A missing or malformed setting: stops the start with one sentence saying what to set. */
export class ConfigError extends StudyBotError {
  constructor(message: string) {
    super('config_invalid', message, message);
  }
}

/** Something a person typed that we could not read; the message says how to fix it. */
export class InputError extends StudyBotError {
  constructor(userMessage: string, options?: { cause?: unknown }) {
    super('input_invalid', userMessage, userMessage, options);
  }
}

/** A request that is not from the platform it claims to be from. */
export class SignatureError extends StudyBotError {
  constructor(reason: string) {
    super('signature_invalid', `request refused: ${reason}`, 'This request could not be verified.');
  }
}

/** Wraps anything unexpected so the person sees a short sentence and the log keeps the cause. */
export function toUserMessage(err: unknown): string {
  if (err instanceof StudyBotError) return err.userMessage;
  return 'Something went wrong on my side. Please try again in a moment.';
}
