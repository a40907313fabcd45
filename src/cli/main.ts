/** `studybot <group> ...`: each group lives in its own module, loaded only when asked for. */
type Command = (args: string[]) => Promise<number>;

const groups: Record<string, { about: string; load: () => Promise<{ run: Command }> }> = {
  content: {
    about: 'content check|reports [--json]  validate the bank, or list reported questions',
    load: () => import('./content.ts'),
  },
  recommend: {
    about: 'recommend "<text>" [--json]  which SageMaker option fits',
    load: () => import('./recommend.ts'),
  },
  slack: {
    about: 'slack manifest --url <base>  print a Slack app manifest',
    load: () => import('./slack.ts'),
  },
  discord: {
    about: 'discord register [--guild <id>]  register slash commands',
    load: () => import('./discord.ts'),
  },
  daily: { about: 'daily run [--at <ISO time>]  one scheduler pass', load: () => import('./daily.ts') },
};

export function usage(): string {
  return ['usage: studybot <command>', ...Object.values(groups).map((g) => `  studybot ${g.about}`)].join(
    '\n',
  );
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const group = name ? groups[name] : undefined;
  if (!group) {
    console.error(usage());
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  const mod = await group.load();
  return mod.run(rest);
}
