/**
 * Stand-in for @slack/oauth in the Lambda bundles. After the receiver stubs (bolt-receiver.cjs),
 * only Bolt's index still requires it, to re-export the installation stores through getters that
 * nothing here reads: StudyBot is installed once per workspace with a bot token, no OAuth flow.
 */
function unbundled(name) {
  return class {
    constructor() {
      throw new Error(`@slack/oauth (${name}) is not bundled in this Lambda (infra/esbuild-options.cjs)`);
    }
  };
}

module.exports = {
  InstallProvider: unbundled('InstallProvider'),
  FileInstallationStore: unbundled('FileInstallationStore'),
  MemoryInstallationStore: unbundled('MemoryInstallationStore'),
};
