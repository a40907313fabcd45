import type { Write } from '../../src/cli/output.ts';

/** Runs a CLI command's `run(args, write, writeErr, ...rest)` and returns what it printed and its exit code. */
export async function captureCli<R extends unknown[]>(
  run: (args: string[], write: Write, writeErr: Write, ...rest: R) => Promise<number>,
  args: string[],
  ...rest: R
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(
    args,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
    ...rest,
  );
  return { code, out, err };
}
