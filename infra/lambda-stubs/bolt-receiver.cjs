/**
 * Stand-in for Bolt's ExpressReceiver, HTTPReceiver and SocketModeReceiver in the Lambda bundles.
 * The handlers run behind AwsLambdaReceiver, but Bolt's App and index require all three at load
 * time, and with them Express, body-parser, @slack/socket-mode and @slack/oauth (~285 KB parsed
 * and evaluated at every cold start). Constructing one here fails loudly, so an App built without
 * `receiver: new AwsLambdaReceiver(...)` cannot silently start a server in a Lambda.
 */
class UnbundledReceiver {
  constructor() {
    throw new Error(
      'Only AwsLambdaReceiver is bundled in this Lambda (infra/esbuild-options.cjs): pass `receiver` to new App()',
    );
  }
}

module.exports = { __esModule: true, default: UnbundledReceiver };
