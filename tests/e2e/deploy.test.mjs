// The deploy files against the built site (FOLIO_DIST, under FOLIO_BASE_PATH), without a browser:
// the precompressed copies, _headers (Netlify, Cloudflare Pages), the CloudFront function and the
// S3 upload script (run with a stand-in `aws` that records its arguments), and the CSP every host
// file repeats, which must be the page's own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { DIST, BASE_PATH } from './site.mjs';
import { COMPRESSIBLE, MIN_SIZE } from '../../scripts/lib/precompress.mjs';
import { headerCsp, HASHED_ASSET, SECURITY_HEADERS, IMMUTABLE, FILES_CACHE } from '../../scripts/lib/host-files.mjs';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const base = `/${BASE_PATH.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const REVALIDATE = 'public, max-age=0, must-revalidate';

function files(dir = DIST) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [relative(DIST, join(dir, e.name))],
  );
}

/** The caching every host file should give a path of the site (the rule in deploy/nginx/folio.conf). */
function expectedCache(rel) {
  if (HASHED_ASSET.test(rel) && !rel.includes('/')) return IMMUTABLE;
  if (/^search\/[dpt]-[0-9a-f]{16}(\.bin|\/)/.test(rel)) return IMMUTABLE;
  if (rel.startsWith('files/')) return FILES_CACHE;
  return REVALIDATE;
}

const indexCsp = () => headerCsp(readFileSync(join(DIST, 'index.html'), 'utf8'));

test('every compressible file of 1 kB or more has .br and .gz copies of the same bytes, unless compressing did not pay', () => {
  const all = new Set(files());
  const compressible = [...all].filter((f) => COMPRESSIBLE.test(f));
  assert.ok(compressible.length > 40, `${compressible.length} compressible files`);
  let pairs = 0;
  for (const rel of compressible) {
    const original = readFileSync(join(DIST, rel));
    for (const [ext, unpack] of [['br', brotliDecompressSync], ['gz', gunzipSync]]) {
      if (!all.has(`${rel}.${ext}`)) {
        assert.ok(original.length < MIN_SIZE, `${rel}.${ext} is missing although ${rel} has ${original.length} bytes`);
        continue;
      }
      assert.ok(original.length >= MIN_SIZE, `${rel}.${ext}: no copy of a file under ${MIN_SIZE} bytes`);
      const packed = readFileSync(join(DIST, `${rel}.${ext}`));
      assert.ok(packed.length < original.length, `${rel}.${ext} is smaller`);
      assert.deepEqual(unpack(packed), original, `${rel}.${ext} unpacks to ${rel}`);
      pairs++;
    }
  }
  for (const name of ['index.html', 'manifest.json']) {
    assert.ok(all.has(`${name}.br`) && all.has(`${name}.gz`), `${name} has both copies`);
  }
  assert.ok(readdirSync(DIST).some((n) => n.endsWith('.wasm.br')), 'the wasm has a .br copy');
  assert.ok(pairs > compressible.length, `${pairs} copies for ${compressible.length} files`);
  assert.ok(![...all].some((f) => /\.(br|gz)\.(br|gz)$/.test(f)), 'no copy of a copy');
});

test('_headers gives every path the CSP and security headers, hashed files a year, the rest the host default', () => {
  const text = readFileSync(join(DIST, '_headers'), 'utf8');
  const rules = new Map();
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l && !l.startsWith('#'));
    if (lines.length === 0) continue;
    assert.match(lines[0], /^\//, `a rule starts with its path: ${lines[0]}`);
    rules.set(lines[0], Object.fromEntries(lines.slice(1).map((l) => l.trim().split(/:\s(.*)/s).slice(0, 2))));
  }
  const all = rules.get(`${base}*`);
  assert.ok(all, `a rule for ${base}*`);
  assert.equal(all['Content-Security-Policy'], indexCsp());
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(all[name], value, name);
  const hashed = readdirSync(DIST).filter((n) => expectedCache(n) === IMMUTABLE && !/\.(br|gz)$/.test(n));
  assert.ok(hashed.length >= 4, `hashed files: ${hashed}`);
  for (const name of hashed) assert.equal(rules.get(`${base}${name}`)?.['Cache-Control'], IMMUTABLE, name);
  assert.equal(rules.get(`${base}search/d-*`)?.['Cache-Control'], IMMUTABLE);
  assert.equal(rules.get(`${base}files/*`)?.['Cache-Control'], FILES_CACHE);
  for (const [path, headers] of rules) {
    if ('Cache-Control' in headers) assert.notEqual(path, `${base}*`, 'no Cache-Control for every path');
  }
});

test('nginx and the host files repeat the CSP of index.html (plus frame-ancestors) and the security headers', () => {
  const csp = indexCsp();
  const nginx = readFileSync(join(repo, 'deploy/nginx/folio.conf'), 'utf8');
  assert.ok(nginx.includes(`add_header Content-Security-Policy "${csp}" always;`), 'deploy/nginx/folio.conf has the CSP');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    assert.ok(new RegExp(`add_header ${name} "?${value.replace(/[()]/g, '\\$&')}"? always;`).test(nginx), `nginx: ${name}`);
  }
  // The source page's meta is the one the build keeps.
  assert.equal(headerCsp(readFileSync(join(repo, 'index.html'), 'utf8')), csp);
});

test('the CloudFront function maps every address of every page to a file of the site', () => {
  const source = readFileSync(join(repo, 'deploy/cloudfront/viewer-request.js'), 'utf8');
  const context = vm.createContext({});
  vm.runInContext(source, context);
  const map = (uri) => context.handler({ request: { uri, headers: {} } }).uri;
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  const slug = manifest.posts[0].slug;
  const tag = readdirSync(join(DIST, 'tags')).find((n) => n.endsWith('.html') && n !== 'index.html').replace(/\.html$/, '');
  const cases = {
    '': 'index.html',
    [`posts/${slug}`]: `posts/${slug}.html`,
    [`posts/${slug}.html`]: `posts/${slug}.html`,
    [`posts/${slug}/`]: `posts/${slug}/index.html`,
    tags: 'tags.html',
    'tags/': 'tags/index.html',
    [`tags/${tag}`]: `tags/${tag}.html`,
    [`tags/${tag}/`]: `tags/${tag}/index.html`,
    archive: 'archive.html',
    search: 'search.html',
    'manifest.json': 'manifest.json',
    'posts/Rust-1.75.0': 'posts/Rust-1.75.0/index.html',
    'posts/Rust-1.75.0/': 'posts/Rust-1.75.0/index.html',
  };
  for (const [path, rel] of Object.entries(cases)) {
    const key = map(`${base}${path}`);
    assert.equal(key, `${base}${rel}`, path);
    if (!path.includes('Rust-1.75.0')) assert.ok(existsSync(join(DIST, rel)), `${rel} exists`);
  }
  for (const rel of files().filter((f) => !/\.(br|gz)$/.test(f) && f !== '_headers')) {
    assert.equal(map(`${base}${rel}`), `${base}${rel}`, `${rel} is left as it is`);
  }
});

/** aws s3 sync's filters: fnmatch patterns on the relative path, the last one that matches decides. */
function syncs(rel, args) {
  const glob = (p) =>
    new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  let included = true;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--exclude' && glob(args[i + 1]).test(rel)) included = false;
    if (args[i] === '--include' && glob(args[i + 1]).test(rel)) included = true;
  }
  return included;
}

test('deploy/s3/upload.sh uploads every file once with its Cache-Control, .wasm as application/wasm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-s3-'));
  try {
    const log = join(dir, 'calls.jsonl');
    writeFileSync(join(dir, 'aws'), `#!/usr/bin/env node\nrequire('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`);
    chmodSync(join(dir, 'aws'), 0o755);
    execFileSync(join(repo, 'deploy/s3/upload.sh'), [DIST, 's3://bucket/site', '--delete'], {
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
    });
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(calls.every((c) => c[0] === 's3' && c[1] === 'sync' && c[2] === DIST && c[3] === 's3://bucket/site'));
    const uploads = calls.filter((c) => !c.includes('--delete'));
    assert.equal(calls.at(-1).includes('--delete'), true, 'the deleting sync comes last');
    for (const rel of files()) {
      const by = uploads.filter((c) => syncs(rel, c.slice(4)));
      if (/\.(br|gz)$/.test(rel) || rel === '_headers') {
        assert.equal(by.length, 0, `${rel} stays local`);
        continue;
      }
      assert.equal(by.length, 1, `${rel} is uploaded once (by ${by.length} syncs)`);
      const args = by[0];
      assert.equal(args[args.indexOf('--cache-control') + 1], expectedCache(rel), rel);
      if (rel.endsWith('.wasm')) assert.equal(args[args.indexOf('--content-type') + 1], 'application/wasm');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the GitHub Pages workflow runs scripts/build and publishes its output', () => {
  const workflow = readFileSync(join(repo, '.github/workflows/pages.yml'), 'utf8');
  assert.match(workflow, /run: scripts\/build --content "\$FOLIO_CONTENT" --out dist --base-path/);
  assert.match(workflow, /actions\/upload-pages-artifact@v\d+\n\s+with:\n\s+path: dist/);
  assert.match(workflow, /actions\/deploy-pages@v\d+/);
  const netlify = readFileSync(join(repo, 'netlify.toml'), 'utf8');
  assert.match(netlify, /scripts\/build --out dist"/);
  assert.match(netlify, /publish = "dist"/);
  assert.ok(statSync(join(repo, 'deploy/s3/upload.sh')).mode & 0o111, 'upload.sh is executable');
});
