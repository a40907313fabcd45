/** Where a CLI command writes; injected so tests capture output without patching process streams. */
export type Write = (text: string) => void;

export const toStdout: Write = (text) => {
  process.stdout.write(text);
};
export const toStderr: Write = (text) => {
  process.stderr.write(text);
};
