// Writes `_headers` into a built site: the response headers Netlify and Cloudflare Pages add
// (both read this file from the published folder and do not serve it).
//
//   node scripts/lib/host-files.mjs DIST [--base-path /blog/]
//
// - The page's Content-Security-Policy (the <meta> in index.html, so the two never differ) plus
//   `frame-ancestors 'none'`, which only works as a header, and the other security headers, on
//   every path.
// - A year of caching, immutable, for the files whose names carry a content hash: Trunk's
//   `name-<hash>.js/.css/.wasm/.svg` at the site's root and the search index parts
//   (`search/d-<hash>.bin`, `search/p-<hash>.bin`, `search/t-<hash>/`).
// - A day for `files/` (images beside the posts keep their names, so an edited image must show
//   up without a new URL).
// Everything else (HTML, manifest.json, bodies/, search/index.bin, the feeds) keeps both hosts'
// default, `public, max-age=0, must-revalidate`: each request revalidates. A path matching two
// rules gets both rules' headers, so Cache-Control is named by one rule at most.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const FILES_CACHE = 'public, max-age=86400';
/** Trunk's content-hashed names: `main-<hash>.css`, `folio-<hash>_bg.wasm`. The hash is a u64 in
 * hex without leading zeros, so it can be shorter than 16 digits (`boot-eb2f6ccf435860f.js`). */
export const HASHED_ASSET = /-[0-9a-f]{10,16}(_bg)?\.(js|css|wasm|svg)$/;
/** The search index's content-hashed parts, under search/. */
export const HASHED_SEARCH = ['d-*', 'p-*', 't-*'];

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** The CSP of the built page's <meta http-equiv>, with `frame-ancestors 'none'` added. */
export function headerCsp(indexHtml) {
  const meta = indexHtml.match(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/i);
  const content = meta?.[0].match(/content="([^"]*)"/i)?.[1];
  if (!content) throw new Error('index.html has no Content-Security-Policy meta');
  const csp = content.replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&amp;/g, '&').trim().replace(/;$/, '');
  return `${csp}; frame-ancestors 'none'`;
}

/** The text of `_headers` for the site in `dist`, served under `basePath`. */
export function headersFile(dist, basePath = '/') {
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const rule = (path, headers) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const rules = [
    '# Written by scripts/build (scripts/lib/host-files.mjs) for Netlify and Cloudflare Pages.',
    rule(`${base}*`, {
      'Content-Security-Policy': headerCsp(readFileSync(join(dist, 'index.html'), 'utf8')),
      ...SECURITY_HEADERS,
    }),
  ];
  const hashed = readdirSync(dist).filter((name) => HASHED_ASSET.test(name)).sort();
  for (const name of hashed) rules.push(rule(`${base}${name}`, { 'Cache-Control': IMMUTABLE }));
  for (const part of HASHED_SEARCH) rules.push(rule(`${base}search/${part}`, { 'Cache-Control': IMMUTABLE }));
  rules.push(rule(`${base}files/*`, { 'Cache-Control': FILES_CACHE }));
  return `${rules.join('\n\n')}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dist, flag, basePath] = process.argv.slice(2);
  if (!dist || (flag !== undefined && (flag !== '--base-path' || !basePath))) {
    console.error('usage: node scripts/lib/host-files.mjs DIST [--base-path /blog/]');
    process.exit(2);
  }
  writeFileSync(join(dist, '_headers'), headersFile(dist, basePath ?? '/'));
}
