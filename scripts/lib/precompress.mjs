// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) beside every compressible file
// of a built site, for hosts that serve precompressed files (nginx `gzip_static` /
// `brotli_static`). Files under 1 kB are left alone (the copy would save less than a network
// packet; hosts send the file as it is), and a copy is written only when it is smaller.
//
//   node scripts/lib/precompress.mjs DIST [--cache DIR]
//
// Brotli at quality 11 runs at about 1 MB/s, and a 750-post site has tens of megabytes of HTML,
// so compressed copies are kept in a cache keyed by the SHA-256 of the file's bytes (default
// target/folio-compress): a rebuild recompresses only the files that changed. The zlib calls are
// the asynchronous ones, which run on libuv's thread pool, so every core is used.

import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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
async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** A hard link where the cache and the site share a file system, else a copy. */
async function place(from, to) {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** The compressed copy of `data` for `ext` ("br" or "gz"): from the cache, or made and cached.
 * Files with the same bytes (redirect pages, empty lists) share one promise. */
function compressed(data, key, ext, cache, stats) {
  const id = `${key}.${ext}`;
  if (!stats.pending.has(id)) stats.pending.set(id, compressOnce(data, key, ext, cache, stats));
  return stats.pending.get(id);
}

async function compressOnce(data, key, ext, cache, stats) {
  const cached = join(cache, key.slice(0, 2), `${key}.${ext}`);
  const hit = await stat(cached).catch(() => null);
  if (hit) {
    stats.hits++;
    return { path: cached, size: hit.size };
  }
  stats.made++;
  const packed = await ENCODINGS[ext](data);
  await mkdir(dirname(cached), { recursive: true });
  // Written under a temporary name, then renamed: a build killed halfway leaves no torn entry.
  const tmp = `${cached}.${process.pid}.tmp`;
  await writeFile(tmp, packed);
  await rename(tmp, cached);
  return { path: cached, size: packed.length };
}

/** Below this size a compressed copy is not worth a file. */
export const MIN_SIZE = 1024;

async function precompressFile(file, cache, stats) {
  const data = await readFile(file);
  if (data.length < MIN_SIZE) return;
  const key = createHash('sha256').update(data).digest('hex');
  for (const ext of Object.keys(ENCODINGS)) {
    const copy = await compressed(data, key, ext, cache, stats);
    if (copy.size < data.length) {
      await place(copy.path, `${file}.${ext}`);
      stats.written++;
    }
  }
}

/** Removes the oldest cache entries beyond `keep` files (counted by name, stat only when over). */
async function prune(cache, keep) {
  const paths = [];
  for await (const path of walk(cache)) paths.push(path);
  if (paths.length <= keep) return;
  const entries = await Promise.all(paths.map(async (path) => ({ path, mtime: (await stat(path)).mtimeMs })));
  entries.sort((a, b) => a.mtime - b.mtime);
  for (const { path } of entries.slice(0, entries.length - keep)) await rm(path, { force: true });
}

export async function precompress(dist, { cache, keep = 40_000 } = {}) {
  const files = [];
  for await (const path of walk(dist)) if (COMPRESSIBLE.test(path)) files.push(path);
  const stats = { files: files.length, written: 0, hits: 0, made: 0, pending: new Map() };
  // Enough files in flight to keep the zlib thread pool busy, few enough to bound memory.
  let next = 0;
  const lanes = Math.max(2, availableParallelism() * 2);
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < files.length) await precompressFile(files[next++], cache, stats);
    }),
  );
  await prune(cache, keep);
  return stats;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dist = args[0];
  const at = args.indexOf('--cache');
  if (!dist || dist.startsWith('--') || (at >= 0 && !args[at + 1])) {
    console.error('usage: node scripts/lib/precompress.mjs DIST [--cache DIR]');
    process.exit(2);
  }
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const cache = resolve(at >= 0 ? args[at + 1] : join(repo, 'target/folio-compress'));
  const t0 = performance.now();
  const s = await precompress(resolve(dist), { cache });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `precompress: ${s.written} .br/.gz files for ${s.files} compressible files in ${seconds} s ` +
      `(${s.made} compressed, ${s.hits} from the cache)`,
  );
}
