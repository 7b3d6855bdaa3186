/**
 * `npm start`: runs the bot from one CommonJS file bundled out of src/ and its packages by
 * esbuild, kept in .start/ and bundled again whenever src/, the installed packages, this script,
 * package.json or tsconfig.json change. A fresh clone needs no build step: the first start
 * bundles (about 0.3 s). When bundling is impossible (a read-only checkout, no esbuild binary),
 * it says why on stderr and runs src/main.ts through tsx.
 *
 * What a start saves this way, against running src/main.ts through tsx:
 * - the TypeScript loader (tsx: about 0.3 s on a 2-core machine), and finding and loading some
 *   150 small modules one by one (pino and pino-pretty alone are about 60 files);
 * - compiling the bundle: V8's code for it is kept beside it (a code cache, written when the first
 *   process to run a new bundle exits) and read back by every later start. Compiling the bundle
 *   and the functions a start runs took about a tenth of a start.
 * - Node's ES module loader: CommonJS, run as a script, takes none of it.
 *
 * Plain CommonJS on purpose: this file runs before anything can compile TypeScript.
 */
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const process = require('node:process');
const { setTimeout } = require('node:timers');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

const ROOT = path.dirname(__dirname);
const SRC = path.join(ROOT, 'src');
// One level below the project root, as src/ is: modules find the project root as `..`.
const OUT = path.join(ROOT, '.start');
const STAMP = path.join(OUT, 'stamp');
// Entry points: main, and the index build worker, which src/core/library.ts starts by file name
// from the directory it runs in.
const ENTRIES = ['main.ts', 'core/build-worker.ts'];
// Left to Node: the platform SDKs and the Redis client, loaded only when configured (large, with
// optional native parts), and string-width, which src/adapters/shell/wrap.ts requires on first use.
const EXTERNAL = ['@slack/bolt', 'discord.js', 'ioredis', 'string-width'];

/** A hash of everything the bundle depends on; npm rewrites node_modules/.package-lock.json at every install. */
function sourceKey() {
  const hash = createHash('sha256');
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
  const project = ['package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'].map((f) => path.join(ROOT, f));
  for (const file of [...files, __filename, ...project]) {
    hash.update(`${path.relative(ROOT, file)}\0`).update(readOptional(file) ?? '(none)').update('\0');
  }
  hash.update(process.version);
  return hash.digest('hex');
}

function readOptional(file) {
  try {
    return readFileSync(file);
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Writes beside the final name and renames into place: a start running at the same time never reads a half-written file. */
function writeAtomically(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}

/**
 * Whether .start/ holds the bundle for `key`: the stamp (the key, then the bundle's files, one a
 * line) names it, and none of its files has gone missing since.
 */
function bundled(key) {
  const [stamped, ...files] = (readOptional(STAMP)?.toString() ?? '').split('\n');
  return stamped === key && files.every((name) => existsSync(path.join(OUT, name)));
}

/** Bundles src/ into .start/: the entries first, the stamp last; files of earlier bundles (their code caches too) are removed. */
async function bundle(key) {
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    entryPoints: ENTRIES.map((e) => path.join(SRC, e)),
    outdir: OUT,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    external: EXTERNAL,
    // The sources are ES modules: import.meta becomes the bundle file's own URL.
    define: { 'import.meta.url': '__bundleUrl', 'import.meta.resolve': '__bundleResolve' },
    banner: {
      js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href; const __bundleResolve = (s) => require('node:url').pathToFileURL(require.resolve(s)).href;",
    },
    entryNames: '[name]',
    outExtension: { '.js': '.cjs' },
    sourcemap: 'linked',
    sourcesContent: false,
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(OUT, { recursive: true });
  const written = new Set(['stamp']);
  for (const file of result.outputFiles) {
    writeAtomically(file.path, file.contents);
    written.add(path.basename(file.path));
  }
  writeAtomically(STAMP, [key, ...[...written].filter((name) => name !== 'stamp')].join('\n'));
  for (const name of readdirSync(OUT)) {
    if (!written.has(name) && !name.endsWith('.tmp')) rmSync(path.join(OUT, name), { force: true });
  }
}

/**
 * Runs a bundled CommonJS file as Node's loader would, with V8's code cache: read from
 * `<file>.<key>.cache` when it is there, written when a process that had none (or whose cache V8
 * turned down: another Node, other flags) exits, with the code of every function that process ran.
 * The cache is named after the bundle's key: V8 checks a cache against the source's length only.
 */
function runBundle(file, key) {
  const cacheFile = `${file}.${key.slice(0, 16)}.cache`;
  const cachedData = readOptional(cacheFile);
  // The same wrapper as Node's own: the bundle's lines keep their numbers.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n});`;
  const script = new vm.Script(wrapped, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        writeAtomically(cacheFile, script.createCachedData());
      } catch {
        // A read-only checkout: the next start compiles again.
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/** main() of the bundle when it is current or can be made, else of the TypeScript source through tsx. */
async function loadMain() {
  let key;
  try {
    key = sourceKey();
    if (!bundled(key)) await bundle(key);
  } catch (err) {
    process.stderr.write(`npm start: cannot bundle src/ into ${OUT} (${err.message}); running src/main.ts through tsx\n`);
    const { register } = await import('tsx/esm/api');
    register();
    return (await import(pathToFileURL(path.join(SRC, 'main.ts')).href)).main;
  }
  // The bundle has source maps, not read unless asked for (NODE_OPTIONS=--enable-source-maps):
  // reading them costs about 15 ms of every start.
  return runBundle(path.join(OUT, 'main.cjs'), key).main;
}

void loadMain().then(async (main) => {
  process.exitCode = await main();
  // As src/main.ts does: everything was stopped; a connection someone holds open must not keep the process alive.
  setTimeout(() => process.exit(), 1_000).unref();
});
