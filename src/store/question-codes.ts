import { createHash } from 'node:crypto';

/**
 * Question ids are long ("s000-sagemaker-pipelines-vs-codepipeline"); a channel's history and a
 * person's seen set hold one entry per question of the bank, so they are stored as 3-byte codes
 * (the first 24 bits of the id's SHA-256). 277 questions fit in 831 bytes, under one write unit
 * with the item's keys. Two bank questions could share a code (about a 0.2% chance per bank of
 * this size, checked by test/unit/store/question-codes.test.ts); a shared code only makes both
 * look asked, so one of them waits a cycle: it never causes a repeat.
 */
export const CODE_BYTES = 3;

export function questionCode(id: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(id).digest().subarray(0, CODE_BYTES));
}

const hex = (code: Uint8Array) => Buffer.from(code).toString('hex');

/** Encodes and decodes codes against a known set of question ids (the bank). */
export class QuestionCodec {
  private readonly byCode = new Map<string, string[]>();
  readonly size: number;

  constructor(ids: readonly string[]) {
    for (const id of ids) {
      const k = hex(questionCode(id));
      this.byCode.set(k, [...(this.byCode.get(k) ?? []), id]);
    }
    this.size = ids.length;
  }

  /** The bank questions a code stands for (none for a question no longer in the bank). */
  ids(code: Uint8Array): string[] {
    return this.byCode.get(hex(code)) ?? [];
  }

  known(code: Uint8Array): boolean {
    return this.byCode.has(hex(code));
  }

  /** Splits a packed history (codes back to back) into its codes. */
  static unpack(packed: Uint8Array | undefined): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (!packed) return out;
    for (let i = 0; i + CODE_BYTES <= packed.length; i += CODE_BYTES)
      out.push(packed.subarray(i, i + CODE_BYTES));
    return out;
  }

  static pack(codes: readonly Uint8Array[]): Uint8Array {
    const out = new Uint8Array(codes.length * CODE_BYTES);
    codes.forEach((c, i) => {
      out.set(c, i * CODE_BYTES);
    });
    return out;
  }

  /**
   * The history after asking `id`: each question once, in the order last asked (a re-ask moves it
   * to the end), questions no longer in the bank dropped, and emptied once the whole bank has been
   * asked: that is where the quiz engine starts its next cycle anyway, so it chooses as it would
   * from the full history, and the history never holds more than the bank.
   */
  append(packed: Uint8Array | undefined, id: string): Uint8Array {
    const code = questionCode(id);
    const k = hex(code);
    const kept = QuestionCodec.unpack(packed).filter((c) => this.known(c) && hex(c) !== k);
    kept.push(code);
    const covered = new Set(kept.flatMap((c) => this.ids(c)));
    return covered.size >= this.size ? new Uint8Array(0) : QuestionCodec.pack(kept);
  }

  /** The history as question ids, oldest first, for the quiz engine. */
  decode(packed: Uint8Array | undefined): string[] {
    return QuestionCodec.unpack(packed).flatMap((c) => this.ids(c));
  }
}
