/** `studybot recommend "<text>" [--json]`: which SageMaker option fits a workload described in words. */
import { recommend } from '../engines/recommend/index.ts';
import { renderText } from '../engines/recommend/render.ts';
import { toStderr, toStdout, type Write } from './output.ts';

const USAGE = [
  'usage: studybot recommend "<workload in plain words>" [--json]',
  '  e.g. studybot recommend "20 MB documents, results within 30 minutes, about 500 a day"',
  '       studybot recommend "payload=20MB latency=30m traffic=spiky" --json',
  '  --json   print the stable JSON object (docs/recommend-json.md)',
].join('\n');

export async function run(
  args: string[],
  write: Write = toStdout,
  writeErr: Write = toStderr,
): Promise<number> {
  if (args.length === 0) {
    writeErr(`${USAGE}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    write(`${USAGE}\n`);
    return 0;
  }
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length) {
    writeErr(`unknown option ${unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  // Several args are one message: `studybot recommend 20 MB documents, within 30 minutes` works unquoted.
  const text = args.filter((a) => a !== '--json').join(' ');
  const r = recommend(text);
  write(json ? `${JSON.stringify(r, null, 2)}\n` : `${renderText(r)}\n`);
  return 0;
}
