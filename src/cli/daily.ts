/** `studybot daily run [--at <ISO time>]`: one scheduler pass (arrives with the daily scheduler). */
export async function run(_args: string[]): Promise<number> {
  console.error('studybot daily run: the daily scheduler is not built yet.');
  return 2;
}
