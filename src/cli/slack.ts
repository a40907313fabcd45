/** `studybot slack manifest --url <https base> [--json]`: the Slack app manifest for this deployment. */
import { stringify } from 'yaml';
import { StudyBotError } from '../errors.ts';
import { slackManifest } from '../platforms/slack/manifest.ts';
import { toStderr, toStdout, type Write } from './output.ts';

const USAGE = [
  'usage: studybot slack manifest --url <https base url> [--json]',
  '  e.g. studybot slack manifest --url https://abc123.execute-api.us-east-1.amazonaws.com',
  '  Paste the output into https://api.slack.com/apps > Create New App > From an app manifest.',
  '  --json   print JSON instead of YAML',
].join('\n');

export async function run(
  args: string[],
  write: Write = toStdout,
  writeErr: Write = toStderr,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    write(`${USAGE}\n`);
    return 0;
  }
  if (sub !== 'manifest') {
    writeErr(`${sub ? `unknown slack command "${sub}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  let url: string | undefined;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--url') url = rest[++i];
    else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else {
      writeErr(`unknown option ${arg}\n${USAGE}\n`);
      return 2;
    }
  }
  if (!url) {
    writeErr(`--url is required\n${USAGE}\n`);
    return 2;
  }
  try {
    const manifest = slackManifest(url);
    write(json ? `${JSON.stringify(manifest, null, 2)}\n` : stringify(manifest, { lineWidth: 0 }));
    return 0;
  } catch (err) {
    if (err instanceof StudyBotError) {
      writeErr(`${err.userMessage}\n`);
      return 2;
    }
    throw err;
  }
}
