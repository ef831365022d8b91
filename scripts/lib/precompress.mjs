// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) beside every compressible file
// of a built site, for hosts that serve precompressed files (nginx `gzip_static` /
// `brotli_static`). Files under 1 kB are left alone (the copy would save less than a network
// packet; hosts send the file as it is), and a copy is written only when it is smaller.
//
//   node scripts/lib/precompress.mjs DIST [--cache DIR] [--previous DIR]
//
// Brotli at quality 11 runs at about 1 MB/s, and a 750-post site has tens of megabytes of HTML,
// so compressed copies are kept in a cache keyed by the SHA-256 of the file's bytes (default
// target/folio-compress): a rebuild recompresses only the files that changed. The zlib calls are
// the asynchronous ones, which run on libuv's thread pool, so every core is used.
//
// Everything else (reading, hashing, looking up and linking thousands of files) is synchronous:
// each of those calls takes microseconds, and as promises they cost more in thread-pool hand-offs
// than the work itself (a 750-post site: 1.1 s with promises, about 0.4 s without). Only the
// files missing from the cache wait for the compressors.
//
// --previous names the build DIST replaces (scripts/build passes it with folio-build's
// --link-unchanged): a file of DIST that is a hard link to that build's file at the same path has
// its bytes, so that build's .br and .gz copies are its copies too, linked without reading or
// hashing the file. Nothing writes into a finished build, so those copies are of these bytes.

import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Text and binary formats that compress; images, fonts and archives are compressed already. */
export const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|xml|svg|txt|md|bin|map|ico|webmanifest)$/i;

const ENCODINGS = {
  br: promisify((data, done) =>
    brotliCompress(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } }, done),
  ),
  gz: promisify((data, done) => gzip(data, { level: 9 }, done)),
};

/** Every file under `dir`, as absolute paths. */
function walk(dir, into = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else if (entry.isFile()) into.push(path);
  }
  return into;
}

/** A hard link where the cache and the site share a file system, else a copy. */
function place(from, to) {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Below this size a compressed copy is not worth a file. */
export const MIN_SIZE = 1024;

/** The cache entry for `key` and `ext` ("br" or "gz"). */
const cachePath = (cache, key, ext) => join(cache, key.slice(0, 2), `${key}.${ext}`);

/** Compresses `data` into the cache entry at `path` (written under a temporary name, then
 * renamed: a build killed halfway leaves no torn entry). */
async function fill(path, file, ext) {
  const packed = await ENCODINGS[ext](readFileSync(file));
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, packed);
  renameSync(tmp, path);
}

/** Removes the oldest cache entries beyond `keep` files (counted by name, stat only when over). */
function prune(cache, keep) {
  const paths = walk(cache);
  if (paths.length <= keep) return;
  const entries = paths.map((path) => ({ path, mtime: statSync(path).mtimeMs }));
  entries.sort((a, b) => a.mtime - b.mtime);
  for (const { path } of entries.slice(0, entries.length - keep)) rmSync(path, { force: true });
}

/** Links `previous`'s copies of `file` (at `relative` there) when `file` is a link to that build's
 * file and both copies are there; says whether it did. */
function reuseCopies(file, relative, previous, stats) {
  const mine = statSync(file);
  const theirs = statSync(join(previous, relative), { throwIfNoEntry: false });
  if (!theirs || theirs.ino !== mine.ino || theirs.dev !== mine.dev) return false;
  const copies = Object.keys(ENCODINGS).map((ext) => join(previous, `${relative}.${ext}`));
  if (!copies.every((copy) => statSync(copy, { throwIfNoEntry: false }))) return false;
  for (const [i, ext] of Object.keys(ENCODINGS).entries()) place(copies[i], `${file}.${ext}`);
  stats.written += copies.length;
  stats.reused += copies.length;
  return true;
}

export async function precompress(dist, { cache, keep = 40_000, previous } = {}) {
  const files = walk(dist).filter((path) => COMPRESSIBLE.test(path));
  const stats = { files: files.length, written: 0, hits: 0, made: 0, reused: 0 };
  // Pass 1: hash every file and link the copies the cache has. Files with the same bytes
  // (redirect pages, empty lists) share one entry; `missing` names a file to make each missing
  // entry from (read again then, so that a cold cache does not hold the whole site in memory).
  const waiting = []; // [file, key] whose entries are being made
  const missing = new Map(); // cache path -> { file, ext }
  const seen = new Map(); // cache path -> size, or -1 while missing
  for (const file of files) {
    if (previous && reuseCopies(file, relative(dist, file), previous, stats)) continue;
    const data = readFileSync(file);
    if (data.length < MIN_SIZE) continue;
    const key = createHash('sha256').update(data).digest('hex');
    let complete = true;
    for (const ext of Object.keys(ENCODINGS)) {
      const path = cachePath(cache, key, ext);
      if (!seen.has(path)) {
        const size = statSync(path, { throwIfNoEntry: false })?.size ?? -1;
        seen.set(path, size);
        if (size >= 0) stats.hits++;
        else missing.set(path, { file, ext });
      }
      if (seen.get(path) < 0) complete = false;
    }
    if (complete) link(file, key, data.length, cache, seen, stats);
    else waiting.push([file, key, data.length]);
  }
  // Pass 2: make the missing entries, enough at once to keep the zlib thread pool busy and few
  // enough to bound memory; then link them like the others.
  const jobs = [...missing.entries()];
  let next = 0;
  const lanes = Math.max(2, availableParallelism() * 2);
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < jobs.length) {
        const [path, { file, ext }] = jobs[next++];
        await fill(path, file, ext);
        seen.set(path, statSync(path).size);
        stats.made++;
      }
    }),
  );
  for (const [file, key, size] of waiting) link(file, key, size, cache, seen, stats);
  // Only new entries grow the cache: a build that made none has nothing to prune (and skips a
  // walk of its tens of thousands of files).
  if (stats.made > 0) prune(cache, keep);
  return stats;
}

/** Places each compressed copy of `file` that is smaller than the file itself beside it. */
function link(file, key, size, cache, seen, stats) {
  for (const ext of Object.keys(ENCODINGS)) {
    const path = cachePath(cache, key, ext);
    if (seen.get(path) < size) {
      place(path, `${file}.${ext}`);
      stats.written++;
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dist = args[0];
  const at = args.indexOf('--cache');
  const from = args.indexOf('--previous');
  if (!dist || dist.startsWith('--') || [at, from].some((i) => i >= 0 && !args[i + 1])) {
    console.error('usage: node scripts/lib/precompress.mjs DIST [--cache DIR] [--previous DIR]');
    process.exit(2);
  }
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const cache = resolve(at >= 0 ? args[at + 1] : join(repo, 'target/folio-compress'));
  const t0 = performance.now();
  const previous = from >= 0 ? resolve(args[from + 1]) : undefined;
  const s = await precompress(resolve(dist), { cache, previous });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `precompress: ${s.written} .br/.gz files for ${s.files} compressible files in ${seconds} s ` +
      `(${s.made} compressed, ${s.hits} from the cache, ${s.reused} from the previous build)`,
  );
}
