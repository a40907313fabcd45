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

/**
 * `await import('@aws-sdk/client-ssm')` with code splitting: the SDK's CommonJS build becomes a chunk
 * whose only export is `default` (esbuild cannot list a CommonJS module's exports), so the names the
 * caller destructures would be undefined; without splitting, esbuild wraps the module itself. Each
 * dynamic import of a package that resolves to CommonJS is therefore routed through a small ES
 * module re-exporting its names by name, read off the module's exports at build time, as Node's own
 * `import()` of CommonJS would offer them. (loadLambdaConfig's SSM client, ensureTable's commands.)
 */
const CJS_INTEROP = 'studybot-cjs-interop';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const cjsDynamicImports = {
  name: 'studybot-cjs-dynamic-imports',
  setup(build) {
    const path = require('node:path');
    const esbuild = require('esbuild');
    const formats = new Map();
    // Parses the one file: its own imports are left out, so nothing else is read.
    const alone = {
      name: 'alone',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'entry-point' ? undefined : { external: true }));
      },
    };
    /** esbuild's own verdict on a file's module format (from its syntax), cached per build. */
    function isCommonJs(file) {
      if (!formats.has(file)) {
        const check = { entryPoints: [file], bundle: true, write: false, metafile: true, logLevel: 'silent' };
        formats.set(
          file,
          esbuild
            .build({ ...check, plugins: [alone] })
            .then((r) => Object.values(r.metafile.inputs)[0]?.format === 'cjs'),
        );
      }
      return formats.get(file);
    }
    // Bare specifiers only: the project's own lazy imports are ES modules.
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === CJS_INTEROP) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: CJS_INTEROP,
      });
      if (resolved.errors.length || resolved.external || !/\.c?js$/.test(resolved.path)) return undefined;
      if (!(await isCommonJs(resolved.path))) return undefined;
      return { path: resolved.path, namespace: CJS_INTEROP };
    });
    build.onLoad({ filter: /.*/, namespace: CJS_INTEROP }, (args) => {
      const names = Object.keys(require(args.path)).filter(
        (n) => IDENTIFIER.test(n) && n !== 'default' && n !== '__esModule',
      );
      const from = JSON.stringify(args.path);
      return {
        contents: `export { default } from ${from};\nexport { ${names.join(', ')} } from ${from};\n`,
        resolveDir: path.dirname(args.path),
        loader: 'js',
      };
    });
  },
};

/**
 * Code splitting, so a cold start parses only what its first request runs. A Lambda's bundle is no
 * longer one file: every `import()` (the bot, the DynamoDB client, the question bank, Discord's
 * REST client) becomes a chunk file beside the handler, read only when that import runs; a Discord
 * PING parses the handler file and two small shared chunks (~46 KB). Each Lambda's chunks go in a folder
 * named after its entry, `src/handlers/discord.chunks/`, for two reasons: serverless-esbuild builds
 * every function into the same folder and zips a function with everything there except the other
 * functions' handler files and files derived from them (`slack.*`), so `slack.chunks/` stays out of
 * discord.zip and each zip holds only its own handler's chunks (test/deploy checks each zip holds
 * exactly its handler and the chunks it imports, and runs them); and two Lambdas never share a chunk.
 *
 * A plugin rather than plain options because the folder is named per build (one entry point each).
 * Splitting needs `outdir`: callers give one, not `outfile` (esbuild says so if they forget).
 */
const lambdaChunks = {
  name: 'studybot-lambda-chunks',
  setup(build) {
    const options = build.initialOptions;
    const entries = Array.isArray(options.entryPoints)
      ? options.entryPoints.map((e) => (typeof e === 'string' ? e : e.in))
      : Object.values(options.entryPoints ?? {});
    if (entries.length > 1)
      throw new Error('studybot-lambda-chunks: one Lambda handler per build, so its chunks are its own');
    const entry = entries[0] ?? options.stdin?.sourcefile ?? 'stdin';
    const name = require('node:path')
      .basename(entry)
      .replace(/\.[^.]+$/, '');
    options.splitting = true;
    options.chunkNames = `${name}.chunks/[name]-[hash]`;
    options.metafile = true;
    // esbuild makes a chunk of every import() it finds, even one in code it then drops as unused
    // (the SSM client behind loadLambdaConfig, which the chat handlers never call). Such a chunk
    // can never load: it is removed, so the zip holds only what the handler can reach.
    build.onEnd((result) => {
      if (!result.metafile) return;
      const outputs = result.metafile.outputs;
      const path = require('node:path');
      const cwd = options.absWorkingDir ?? process.cwd();
      const handlerFile = Object.keys(outputs).find(
        (f) => outputs[f].entryPoint && !f.includes(`${name}.chunks/`) && !f.endsWith('.map'),
      );
      if (!handlerFile) return;
      const reachable = new Set();
      const visit = (file) => {
        if (reachable.has(file) || !outputs[file]) return;
        reachable.add(file);
        for (const i of outputs[file].imports) if (!i.external) visit(i.path);
      };
      visit(handlerFile);
      // A chunk made straight from a CommonJS module exports only `default` (see cjsDynamicImports).
      const commonJs = [...reachable].filter(
        (f) => outputs[f].entryPoint && result.metafile.inputs[outputs[f].entryPoint]?.format === 'cjs',
      );
      if (commonJs.length)
        throw new Error(
          `studybot-lambda-chunks: import() of CommonJS without named exports: ${commonJs.join(', ')}`,
        );
      const unreachable = Object.keys(outputs).filter((f) => !reachable.has(f));
      for (const file of unreachable) {
        delete outputs[file];
        const abs = path.resolve(cwd, file);
        if (result.outputFiles) {
          const at = result.outputFiles.findIndex((o) => o.path === abs);
          if (at >= 0) result.outputFiles.splice(at, 1);
        } else {
          require('node:fs').rmSync(abs, { force: true });
        }
      }
    });
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
  // Chunks as well as the handler end in .mjs, so Node loads them as ES modules with no package.json
  // in the zip (serverless-esbuild sets the same from outputFileExtension below).
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
  plugins: [localOnlyGuard, boltLambdaOnly, cjsDynamicImports, lambdaChunks],
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
