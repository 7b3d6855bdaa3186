/**
 * `npm start`: runs the bot from JavaScript bundled out of src/ by esbuild, kept in .start/ and
 * bundled again whenever a file in src/ (or this script, package.json, tsconfig.json) changes.
 * It spares every start the TypeScript loader (tsx: about 0.3 s on a 2-core machine) and the
 * loading of some sixty small modules. A fresh clone needs no build step: the first start
 * bundles (about 0.2 s). When bundling is impossible (a read-only checkout, no esbuild binary),
 * it says why on stderr and runs src/main.ts through tsx as before.
 *
 * Plain JavaScript on purpose: this file runs before anything can compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** A hash of everything the bundle depends on, besides the installed packages (kept external). */
function sourceKey() {
  const hash = createHash('sha256');
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
  for (const file of [...files, fileURLToPath(import.meta.url), path.join(ROOT, 'package.json'), path.join(ROOT, 'tsconfig.json')]) {
    hash.update(`${path.relative(ROOT, file)}\0`).update(readFileSync(file)).update('\0');
  }
  hash.update(process.version);
  return hash.digest('hex');
}

function readStamp() {
  try {
    return readFileSync(STAMP, 'utf8');
  } catch {
    return '';
  }
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
    packages: 'external',
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
  writeFileSync(temp, key);
  renameSync(temp, STAMP);
  for (const name of readdirSync(OUT)) {
    if (!written.has(name) && !name.endsWith('.tmp')) rmSync(path.join(OUT, name), { force: true });
  }
}

/** The URL of main to run: the bundle when it is current or can be made, else the TypeScript source through tsx. */
async function mainUrl() {
  try {
    const key = sourceKey();
    if (readStamp() !== key) await bundle(key);
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
