/**
 * The one set of esbuild options for the Lambda bundles. serverless-esbuild loads this file
 * (`custom.esbuild.config` in serverless.yml) and `npm run bench` builds with the same options, so
 * the sizes and cold starts the bench prints are those of the artifacts we deploy.
 * CommonJS because serverless-esbuild loads it with require().
 */

/**
 * Local-only code and dev tooling must never reach a Lambda: the development signer would let anyone
 * who reads the bundle forge requests, and dynalite/leveldb would only add weight. Resolving one of
 * them fails the build and names the importer; test/deploy checks the zips as well.
 */
const LOCAL_ONLY =
  /^(dynalite|leveldown|level|memdown|tsx|yaml|vitest|playwright|playwright-core|amplify-dynamodb-simulator)(\/|$)|(^|\/)local\/|dev-secrets/;

const localOnlyGuard = {
  name: 'studybot-local-only-guard',
  setup(build) {
    build.onResolve({ filter: LOCAL_ONLY }, (args) => ({
      errors: [
        {
          text: `${args.path} is local-only and must not be bundled into a Lambda (imported by ${args.importer})`,
        },
      ],
    }));
  },
};

const STUBS = require('node:path').join(__dirname, 'lambda-stubs');

/**
 * Bolt's receivers other than AwsLambdaReceiver, replaced by bolt-receiver.cjs. They are required
 * by relative path inside @slack/bolt, which esbuild's `alias` cannot match, hence a plugin that
 * only answers for importers inside Bolt's own dist folder.
 */
const BOLT_UNUSED_RECEIVER =
  /^\.\.?\/(receivers\/)?(ExpressReceiver|HTTPReceiver|SocketModeReceiver)(\.js)?$/;

const boltLambdaOnly = {
  name: 'studybot-bolt-lambda-only',
  setup(build) {
    build.onResolve({ filter: BOLT_UNUSED_RECEIVER }, (args) =>
      /[\\/]@slack[\\/]bolt[\\/]dist[\\/]/.test(args.importer)
        ? { path: require('node:path').join(STUBS, 'bolt-receiver.cjs') }
        : undefined,
    );
  },
};

/** Options passed to esbuild itself. */
const ESBUILD = {
  bundle: true,
  minify: true,
  // Error and function names stay readable in CloudWatch stack traces, for a little size.
  keepNames: true,
  // No source map: it would double the zip, and the handlers log structured errors with names.
  sourcemap: false,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Bundled CommonJS dependencies (Bolt, axios) call require() for Node built-ins; ESM has none.
  banner: {
    js: "import { createRequire as __studybotRequire } from 'node:module'; const require = __studybotRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [localOnlyGuard, boltLambdaOnly],
  // Code the Lambdas load but never run, replaced by small stand-ins (see each file for why).
  alias: {
    'iconv-lite': require('node:path').join(STUBS, 'iconv-lite.cjs'),
    'mime-db': require('node:path').join(STUBS, 'mime-db.cjs'),
    undici: require('node:path').join(STUBS, 'undici.cjs'),
    '@slack/oauth': require('node:path').join(STUBS, 'slack-oauth.cjs'),
    '@aws-sdk/credential-provider-node': require('node:path').join(STUBS, 'credential-provider-node.cjs'),
  },
};

/** Options only serverless-esbuild understands; the bench leaves them out when it calls esbuild. */
const PLUGIN_ONLY = {
  packager: 'npm',
  // Nothing is external, so the plugin has no node_modules to install (no network at package time).
  // The nodejs22.x runtime ships AWS SDK v3, but its version moves under us; bundling our pinned
  // SDK costs little (see `npm run bench`: size and cold start with and without it) and keeps the
  // deployed code the code we tested.
  exclude: [],
  outputFileExtension: '.mjs',
  // Two cores on the build machines; unbounded parallel builds only add memory pressure.
  concurrency: 2,
  zipConcurrency: 2,
};

module.exports = () => ({ ...ESBUILD, ...PLUGIN_ONLY });
module.exports.ESBUILD = ESBUILD;
module.exports.PLUGIN_ONLY = PLUGIN_ONLY;
module.exports.LOCAL_ONLY = LOCAL_ONLY;
