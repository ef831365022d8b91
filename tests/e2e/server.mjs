// A small static file server for a built Folio site, behaving like the common static hosts
// (GitHub Pages, Netlify, Cloudflare Pages, S3 website hosting): files are served as they are; a
// folder serves its index.html, at `/x/` and at `/x` alike (those hosts answer `/x` with a
// redirect to `/x/`, which ends on the same file; nginx's `try_files $uri $uri/index.html` serves
// it directly, as here); `/x` serves `x.html` only when the path has no extension, as the hosts
// that map `.html` at all do, so `/posts/Rust-1.75.0` is not `posts/Rust-1.75.0.html` (the build
// also writes `posts/Rust-1.75.0/index.html` for it); and any unknown path gets 404.html with
// status 404 (the app's copy of index.html, so deep links still boot the app). With `cdn: true`
// it also behaves like a CDN in front of the site: brotli or
// gzip as the browser accepts, and long-lived caching for content-hashed assets (for Lighthouse
// and the benchmark; the tests use the plain mode).
//
// `mode` picks how the host maps paths to files, the three ways real static hosts do:
// - 'html' (the default, above): GitHub Pages, Netlify, Cloudflare Pages;
// - 'folder': only `x/index.html` (nginx's `try_files $uri $uri/ =404`, S3 website hosting):
//   `/x` redirects to `/x/` when the folder exists, `x.html` is never looked for;
// - 'spa': a host that answers every path that is not a file with `index.html` and status 200
//   (S3 + CloudFront error pages, nginx `try_files $uri /index.html`, SPA rewrites): no folder
//   index, no `.html` mapping.
// Faults for the tests: `delayMs` holds every response back, `delay(path)` some (in ms); `fault(path)` may answer a path
// with `{ status }` (e.g. 404), `{ truncate: true }` (half the file) or `{ body }` (any bytes).
//
// As a module: `const server = await startServer({ root: 'dist' }); ...; await server.close();`
// From a shell: `node tests/e2e/server.mjs [DIR] [--port N] [--base-path /blog/] [--cdn]` (127.0.0.1 only).

import { createServer } from 'node:http';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { stat, readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

export function contentType(path) {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export async function fileAt(path, mode = 'html') {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory() && mode !== 'spa') {
      const index = join(path, 'index.html');
      if ((await stat(index).catch(() => null))?.isFile()) return index;
    }
  } catch {
    // missing: fall through
  }
  // GitHub Pages, Netlify and Cloudflare Pages serve `/posts/x` from `posts/x.html`, but not a
  // path that looks like it names a file (`/posts/Rust-1.75.0`): that one needs its folder.
  if (mode === 'html' && !path.endsWith(sep) && !extname(path)) {
    const html = `${path}.html`;
    if ((await stat(html).catch(() => null))?.isFile()) return html;
  }
  return null;
}

// Trunk's and the search index's content-hashed names: `name-<hex>.ext`, `name-<hex>_bg.wasm`, `d-<hex>.bin`.
const HASHED = /[-.][0-9a-f]{8,}(_bg)?\.[a-z0-9]+$/;
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|md|txt|xml|svg|bin|map)$/;

/** CDN behaviour: the encoding the browser prefers (brotli, then gzip) and cache headers. */
function cdnResponse(req, file, body, headers) {
  headers['cache-control'] = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
  if (!COMPRESSIBLE.test(file)) return body;
  const accepted = String(req.headers['accept-encoding'] ?? '');
  headers.vary = 'accept-encoding';
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (encoding === null) return body;
  headers['content-encoding'] = encoding;
  // A CDN compresses once; brotli at quality 11 is too slow to redo on every request.
  const key = `${encoding} ${file} ${body.length}`;
  let packed = compressed.get(key);
  if (packed === undefined) {
    packed = encoding === 'br' ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 });
    compressed.set(key, packed);
  }
  return packed;
}
const compressed = new Map();

/**
 * Starts serving `root` on 127.0.0.1. `port` 0 (the default) picks a free port.
 * `basePath` ("/blog/") serves the site under a sub-path, as a GitHub project page does.
 * Resolves to { url, port, close() }; `url` ends with the base path.
 */
export async function startServer({ root, port = 0, basePath = '/', log = false, cdn = false, mode = 'html', delayMs = 0, delay = () => 0, fault = () => null } = {}) {
  const top = resolve(root ?? 'dist');
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const wait = delayMs + (delay(pathname.slice(base.length - 1)) ?? 0);
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
      let file = null;
      let path = null;
      if (pathname.startsWith(base) || `${pathname}/` === base) {
        const rel = pathname.slice(base.length);
        path = resolve(top, `.${sep}${rel}`);
        if (path === top || path.startsWith(top + sep)) file = await fileAt(path, mode);
        else path = null;
      }
      // The folder hosts redirect `/x` to `/x/` when `x` is a folder.
      if (mode === 'folder' && path !== null && !pathname.endsWith('/') && (await stat(path).catch(() => null))?.isDirectory()) {
        const target = new URL(req.url, 'http://x');
        res.writeHead(301, { location: `${target.pathname}/${target.search}` }).end();
        return;
      }
      let status = 200;
      if (file === null && mode === 'spa') {
        file = await fileAt(join(top, 'index.html'), mode);
      } else if (file === null) {
        status = 404;
        file = await fileAt(join(top, '404.html'));
      }
      const injected = fault(pathname.slice(base.length - 1));
      if (injected?.status) {
        res.writeHead(injected.status, { 'content-type': 'text/plain; charset=utf-8' }).end(`injected ${injected.status}\n`);
        return;
      }
      const headers = { 'cache-control': 'no-store' };
      let body;
      if (file === null) {
        body = Buffer.from('404 Not Found\n');
        headers['content-type'] = 'text/plain; charset=utf-8';
      } else {
        body = await readFile(file);
        if (injected?.truncate) body = body.subarray(0, Math.floor(body.length / 2));
        if (injected?.body !== undefined) body = Buffer.from(injected.body);
        headers['content-type'] = contentType(file);
        if (cdn) body = cdnResponse(req, file, body, headers);
      }
      headers['content-length'] = body.length;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    } catch (err) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`${err.message}\n`);
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actual = server.address().port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}${base}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const port = Number(opt('--port', '8080'));
  const basePath = opt('--base-path', '/');
  const cdnAt = args.indexOf('--cdn');
  const cdn = cdnAt >= 0;
  if (cdn) args.splice(cdnAt, 1);
  const root = args[0] ?? 'dist';
  const server = await startServer({ root, port, basePath, log: true, cdn });
  console.log(`Serving ${resolve(root)} at ${server.url} (unknown paths: 404.html, status 404)`);
}
