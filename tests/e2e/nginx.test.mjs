// deploy/nginx/folio.conf in a real nginx (Debian's, installed by scripts/lib/setup.sh) serving the
// built site (FOLIO_DIST, under FOLIO_BASE_PATH): caching, precompressed files, content types,
// security headers, and every address of every kind of page answered 200 with that page's file,
// anything else 404 with 404.html. A second server in the same nginx serves a copy of the site
// with a post whose slug has a dot (built as tests/e2e/addresses.test.mjs does).
//
// nginx runs as the invoking user, without a master process, on a free port of 127.0.0.1, with
// its pid, logs and temporary files in a temporary folder. Without nginx the test is skipped,
// unless CI is set: there it must run.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, BASE_PATH, loadManifest, folioBuild } from './site.mjs';
import { headerCsp, HASHED_ASSET } from '../../scripts/lib/host-files.mjs';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const NGINX = process.env.FOLIO_NGINX ?? '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const base = `/${BASE_PATH.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const haveNginx = existsSync(NGINX);
const skip = !haveNginx && !process.env.CI ? `nginx is not installed (${NGINX}); scripts/test installs it (apt-get install nginx)` : false;
const haveBrotli = existsSync(BROTLI_MODULE);

const manifest = loadManifest();
const DOTTED = { slug: 'release-1.2.3', title: 'Release 1.2.3 is out' };
const run = { dir: null, nginx: null, port: 0, dottedPort: 0, log: '' };

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** GET (no automatic decompression): { status, headers, body: Buffer }. */
function get(port, path, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** The folder nginx's root points at: the site itself, or a folder holding it at the base path. */
function webRoot(site, name) {
  if (base === '/') return site;
  const root = join(run.dir, name);
  mkdirSync(join(root, base, '..'), { recursive: true });
  symlinkSync(site, join(root, base.replace(/\/$/, '')));
  return root;
}

/** The site plus a post whose slug has a dot: its content run through the pipeline and prerendered. */
function buildDottedSite() {
  const content = join(run.dir, 'content');
  const built = join(run.dir, 'built');
  const site = join(run.dir, 'dotted-site');
  cpSync(join(repo, 'content'), content, { recursive: true });
  writeFileSync(
    join(content, 'posts', `${DOTTED.slug}.md`),
    `+++\ntitle = "${DOTTED.title}"\ndate = 2020-01-02\n+++\nWhat the release brings, in a sentence or two.\n`,
  );
  cpSync(DIST, site, { recursive: true });
  folioBuild('--content', content, '--out', built, '--base-path', base);
  cpSync(built, site, { recursive: true });
  folioBuild('--prerender', site);
  return site;
}

before(async () => {
  if (skip) return;
  assert.ok(haveNginx, `CI is set but nginx is missing (${NGINX}): scripts/lib/setup.sh should install it`);
  run.dir = mkdtempSync(join(tmpdir(), 'folio-nginx-'));
  run.port = await freePort();
  run.dottedPort = await freePort();
  const conf = readFileSync(join(repo, 'deploy/nginx/folio.conf'), 'utf8');
  // Without Debian's brotli_static module the .gz files still work; the brotli check then skips.
  writeFileSync(join(run.dir, 'folio.conf'), haveBrotli ? conf : conf.replace(/^\s*brotli_static on;$/m, ''));
  const server = (port, root) => `
    server {
      listen 127.0.0.1:${port};
      root ${root};
      set $folio_base ${base};
      include ${join(run.dir, 'folio.conf')};
    }`;
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(run.dir, t)};`).join('\n    ');
  writeFileSync(
    join(run.dir, 'nginx.conf'),
    `${haveBrotli ? `load_module ${BROTLI_MODULE};` : ''}
daemon off;
master_process off;
pid ${join(run.dir, 'nginx.pid')};
error_log ${join(run.dir, 'error.log')} warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    ${temp}
    ${server(run.port, webRoot(DIST, 'www'))}
    ${server(run.dottedPort, webRoot(buildDottedSite(), 'www-dotted'))}
}
`,
  );
  execFileSync(NGINX, ['-t', '-p', run.dir, '-c', join(run.dir, 'nginx.conf')], { stdio: 'pipe' });
  run.nginx = spawn(NGINX, ['-p', run.dir, '-c', join(run.dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  run.nginx.stderr.on('data', (d) => (run.log += d));
  for (let i = 0; ; i++) {
    const up = await get(run.port, base).catch(() => null);
    if (up) break;
    if (i > 100 || run.nginx.exitCode !== null) throw new Error(`nginx did not start: ${run.log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
});

after(async () => {
  if (run.nginx && run.nginx.exitCode === null) {
    const exited = new Promise((ok) => run.nginx.once('exit', ok));
    run.nginx.kill('SIGQUIT');
    await exited;
  }
  if (run.dir) rmSync(run.dir, { recursive: true, force: true });
});

const at = (path) => `${base}${path.replace(/^\//, '')}`;
const file = (rel) => readFileSync(join(DIST, rel));
const hashedAssets = () => readdirSync(DIST).filter((n) => HASHED_ASSET.test(n));

test('hashed files are cached for a year, immutable; .wasm is application/wasm', { skip }, async () => {
  const assets = hashedAssets();
  assert.ok(assets.some((n) => n.endsWith('.wasm')) && assets.some((n) => n.endsWith('.css')), `hashed assets: ${assets}`);
  const searchPart = readdirSync(join(DIST, 'search')).find((n) => /^d-[0-9a-f]{16}\.bin$/.test(n));
  for (const path of [...assets, `search/${searchPart}`]) {
    const res = await get(run.port, at(path));
    assert.equal(res.status, 200, path);
    assert.match(res.headers['cache-control'], /max-age=31536000.*immutable/, path);
    assert.deepEqual(res.body, file(path), `${path}: the file's bytes`);
    if (path.endsWith('.wasm')) assert.equal(res.headers['content-type'], 'application/wasm');
  }
});

test('HTML, manifest.json, bodies and the search root are revalidated on every request', { skip }, async () => {
  const post = manifest.posts[0];
  for (const path of ['', `posts/${post.slug}`, 'manifest.json', `bodies/${post.slug}.html`, 'search/index.bin']) {
    const res = await get(run.port, at(path));
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['cache-control'], 'public, max-age=0, must-revalidate', path);
    assert.ok(!/immutable/.test(res.headers['cache-control']), path);
  }
  const markdown = await get(run.port, at(`posts/${post.slug}.md`));
  assert.equal(markdown.status, 200);
  assert.equal(markdown.headers['content-type'], 'text/markdown; charset=utf-8');
  assert.deepEqual(markdown.body, file(`posts/${post.slug}.md`));
});

test('the precompressed .br and .gz files are served to browsers that accept them', { skip }, async (t) => {
  const post = manifest.posts[0];
  const cases = [
    ['', 'index.html'],
    [`posts/${post.slug}`, `posts/${post.slug}.html`],
    [hashedAssets().find((n) => n.endsWith('.wasm')), null],
  ];
  for (const [path, name] of cases) {
    const rel = name ?? path;
    for (const [accept, encoding, ext] of [['gzip', 'gzip', 'gz'], ['br, gzip', 'br', 'br']]) {
      if (ext === 'br' && !haveBrotli) {
        t.diagnostic(`brotli_static module missing (${BROTLI_MODULE}): .br not checked`);
        continue;
      }
      assert.ok(existsSync(join(DIST, `${rel}.${ext}`)), `scripts/build wrote ${rel}.${ext}`);
      const res = await get(run.port, at(path), { 'accept-encoding': accept });
      assert.equal(res.headers['content-encoding'], encoding, `${path} with Accept-Encoding: ${accept}`);
      assert.deepEqual(res.body, file(`${rel}.${ext}`), `${path}: the bytes of ${rel}.${ext}`);
      assert.match(res.headers.vary ?? '', /accept-encoding/i);
    }
    const plain = await get(run.port, at(path));
    assert.equal(plain.headers['content-encoding'], undefined, `${path} without Accept-Encoding`);
    assert.deepEqual(plain.body, file(rel));
  }
});

test('pages carry the CSP of their <meta> plus frame-ancestors, and the security headers', { skip }, async () => {
  const csp = headerCsp(file('index.html').toString('utf8'));
  assert.match(csp, /frame-ancestors 'none'/);
  for (const path of ['', 'archive', 'no/such/page']) {
    const res = await get(run.port, at(path));
    assert.equal(res.headers['content-security-policy'], csp, path);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin', path);
    assert.equal(res.headers['x-frame-options'], 'DENY', path);
  }
});

test('every address of every kind of page is answered 200 with that page; others 404 with 404.html', { skip }, async () => {
  const post = manifest.posts.find((p) => p.tags.length > 0);
  const tag = readdirSync(join(DIST, 'tags')).find((n) => n.endsWith('.html') && n !== 'index.html').replace(/\.html$/, '');
  const alias = execFileSync('find', ['.', '-path', './posts', '-prune', '-o', '-path', './tags', '-prune', '-o', '-mindepth', '2', '-name', 'index.html', '-print'], { cwd: DIST, encoding: 'utf8' })
    .split('\n')
    .find((p) => p && !p.startsWith('./search'));
  assert.ok(alias, 'the sample content has an old URL (alias) with a redirect page');
  const aliasPath = alias.slice(2).replace(/index\.html$/, '');
  const cases = [
    ['', 'index.html'],
    ['index.html', 'index.html'],
    [`posts/${post.slug}`, `posts/${post.slug}.html`],
    [`posts/${post.slug}.html`, `posts/${post.slug}.html`],
    [`posts/${post.slug}/`, `posts/${post.slug}.html`],
    ['tags', 'tags.html'],
    ['tags/', 'tags/index.html'],
    [`tags/${tag}`, `tags/${tag}.html`],
    ['archive', 'archive.html'],
    ['search?q=x', 'search.html'],
    [aliasPath, `${aliasPath}index.html`],
    [aliasPath.replace(/\/$/, ''), `${aliasPath}index.html`],
  ];
  for (const [path, rel] of cases) {
    const res = await get(run.port, at(path));
    assert.equal(res.status, 200, `${at(path)}`);
    assert.match(res.headers['content-type'], /^text\/html/, path);
    assert.equal(res.body.toString('utf8'), file(rel).toString('utf8'), `${at(path)} is ${rel}`);
  }
  for (const path of ['no-such-page', 'posts/no-such-post', 'posts/no-such-post/', 'tags/no/such', 'a.b/c']) {
    const res = await get(run.port, at(path));
    assert.equal(res.status, 404, path);
    assert.equal(res.body.toString('utf8'), file('404.html').toString('utf8'), `${path} gets 404.html`);
  }
});

test('a post whose slug has a dot is answered at its path, with and without a trailing slash', { skip }, async () => {
  const site = join(run.dir, 'dotted-site');
  const page = readFileSync(join(site, 'posts', DOTTED.slug, 'index.html'), 'utf8');
  assert.ok(page.includes(DOTTED.title), 'the prerendered page shows the post');
  for (const path of [`posts/${DOTTED.slug}`, `posts/${DOTTED.slug}/`, `posts/${DOTTED.slug}/index.html`]) {
    const res = await get(run.dottedPort, at(path));
    assert.equal(res.status, 200, path);
    assert.equal(res.body.toString('utf8'), page, path);
  }
});
