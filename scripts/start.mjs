/**
 * `npm start`: runs the bot from JavaScript bundled out of src/ and its packages by esbuild,
 * kept in .start/ and bundled again whenever src/, the installed packages, this script,
 * package.json or tsconfig.json change. It spares every start the TypeScript loader (tsx: about
 * 0.3 s on a 2-core machine) and finding and loading some 150 small modules one by one (pino and
 * pino-pretty alone are about 60 files). A fresh clone needs no build step: the first start
 * bundles (about 0.3 s). When bundling is impossible (a read-only checkout, no esbuild binary),
 * it says why on stderr and runs src/main.ts through tsx as before.
 *
 * Plain JavaScript on purpose: this file runs before anything can compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SRC = path.join(ROOT, 'src');
// One level below the project root, as src/ is: modules find the project root as `..`.
const OUT = path.join(ROOT, '.start');
const STAMP = path.join(OUT, 'stamp');
// Entry points: main, and the index build worker, which src/core/library.ts starts by file name
// from the directory it runs in. Everything else (the platform adapters, imported only when
// configured) becomes a chunk of its own.
const ENTRIES = ['main.ts', 'core/build-worker.ts'];
// Left to Node: the platform SDKs and the Redis client, loaded only when configured (large, with
// optional native parts), and string-width, which src/adapters/shell/wrap.ts requires on first use.
const EXTERNAL = ['@slack/bolt', 'discord.js', 'ioredis', 'string-width'];
// Bundled packages written as CommonJS call require() for Node's own modules.
const BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** A hash of everything the bundle depends on; npm rewrites node_modules/.package-lock.json at every install. */
function sourceKey() {
  const hash = createHash('sha256');
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
  const project = ['package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'].map((f) => path.join(ROOT, f));
  for (const file of [...files, fileURLToPath(import.meta.url), ...project]) {
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

/**
 * Whether .start/ holds the bundle for `key`: the stamp (the key, then the bundle's files, one a
 * line) names it, and none of its files has gone missing since.
 */
function bundled(key) {
  const [stamped, ...files] = (readOptional(STAMP)?.toString() ?? '').split('\n');
  return stamped === key && files.every((name) => existsSync(path.join(OUT, name)));
}

/**
 * Bundles src/ into .start/. Each file is written beside its final name and renamed into place,
 * chunks before entries and the stamp last, so a start running at the same time never reads a
 * half-written file; files of earlier bundles are removed.
 */
async function bundle(key) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: ENTRIES.map((e) => path.join(SRC, e)),
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    external: EXTERNAL,
    banner: { js: BANNER },
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    sourcesContent: false,
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(OUT, { recursive: true });
  const entry = (f) => ENTRIES.some((e) => path.basename(f.path).startsWith(`${path.basename(e, '.ts')}.`));
  const files = [...result.outputFiles.filter((f) => !entry(f)), ...result.outputFiles.filter(entry)];
  const written = new Set(['stamp']);
  for (const file of files) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
    written.add(path.basename(file.path));
  }
  const temp = `${STAMP}.${process.pid}.tmp`;
  writeFileSync(temp, [key, ...[...written].filter((name) => name !== 'stamp')].join('\n'));
  renameSync(temp, STAMP);
  for (const name of readdirSync(OUT)) {
    if (!written.has(name) && !name.endsWith('.tmp')) rmSync(path.join(OUT, name), { force: true });
  }
}

/** The URL of main to run: the bundle when it is current or can be made, else the TypeScript source through tsx. */
async function mainUrl() {
  try {
    const key = sourceKey();
    if (!bundled(key)) await bundle(key);
    // The bundle has source maps, not read unless asked for (NODE_OPTIONS=--enable-source-maps):
    // reading them costs about 15 ms of every start.
    return pathToFileURL(path.join(OUT, 'main.js')).href;
  } catch (err) {
    process.stderr.write(`npm start: cannot bundle src/ into ${OUT} (${err.message}); running src/main.ts through tsx\n`);
    const { register } = await import('tsx/esm/api');
    register();
    return pathToFileURL(path.join(SRC, 'main.ts')).href;
  }
}

const { main } = await import(await mainUrl());
process.exitCode = await main();
// As src/main.ts does: everything was stopped; a connection someone holds open must not keep the process alive.
setTimeout(() => process.exit(), 1_000).unref();
