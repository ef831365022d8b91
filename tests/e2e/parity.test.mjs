// One rendering of every page: the prerendered HTML (drawn by folio-build with the app's own
// components) and the page the app draws after it took over are the same DOM, element for
// element: tags, classes, attributes and text of header, main and footer, for every route kind.
//
// FOLIO_PARITY_DISTS (a list separated by the platform's path delimiter) adds built sites to
// check besides FOLIO_DIST, e.g. the Rust blog corpus built by scripts/test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { delimiter } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, BASE_PATH, withPage } from './site.mjs';
import { startServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';

const dists = [DIST, ...(process.env.FOLIO_PARITY_DISTS ?? '').split(delimiter).filter(Boolean)];

/** The DOM of `root` as plain data: comments dropped, texts merged and trimmed, attributes sorted. */
const NORMALIZE = (root) => {
  const walk = (node) => {
    const out = { tag: node.tagName.toLowerCase(), attrs: {}, children: [] };
    for (const a of [...node.attributes].sort((x, y) => x.name.localeCompare(y.name))) {
      out.attrs[a.name] = a.name === 'class' ? a.value.split(/\s+/).filter(Boolean).sort().join(' ') : a.value;
    }
    // <noscript>'s content is text to a page with script and elements to the app: not compared.
    if (out.tag === 'noscript') return out;
    let text = '';
    const flush = () => {
      const t = text.replace(/\s+/g, ' ').trim();
      if (t) out.children.push(t);
      text = '';
    };
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) text += child.textContent;
      else if (child.nodeType === Node.ELEMENT_NODE) {
        flush();
        out.children.push(walk(child));
      }
    }
    flush();
    return out;
  };
  const parts = ['.skip-link', 'header.site-header', 'main', 'footer.site-footer'].map((s) => {
    const el = root.querySelector(s);
    return el ? walk(el) : { tag: `missing ${s}`, attrs: {}, children: [] };
  });
  return { tag: 'page', attrs: {}, children: parts };
};

/** An expression (evaluated through the browser's protocol, which the page's CSP does not
 * govern) that parses `html` and normalizes its prerendered root. */
const parsed = (html) =>
  `(${NORMALIZE})(new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html').querySelector('body > [data-folio-root="prerendered"]'))`;

/** The first path where two normalized trees differ, for a readable failure. */
function firstDifference(a, b, at = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  if (a.tag !== b.tag) return `${at}: <${a.tag}> ≠ <${b.tag}>`;
  if (JSON.stringify(a.attrs) !== JSON.stringify(b.attrs)) return `${at}/${a.tag}: attributes ${JSON.stringify(a.attrs)} ≠ ${JSON.stringify(b.attrs)}`;
  const n = Math.max(a.children.length, b.children.length);
  for (let i = 0; i < n; i++) {
    const d = firstDifference(a.children[i], b.children[i], `${at}/${a.tag}[${i}]`);
    if (d) return d;
  }
  return `${at}: differ`;
}

for (const dist of dists) {
  test(`the app draws exactly the prerendered page, for every route kind (${dist})`, async () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    const server = await startServer({ root: dist, basePath: BASE_PATH });
    const browser = await launchBrowser();
    const site = { server, browser, manifest };
    site.url = (path = '/') => new URL(path.replace(/^\/+/, ''), server.url).href;
    site.path = (path) => new URL(site.url(path)).pathname;
    try {
      const post = manifest.posts[0];
      const longest = manifest.posts.reduce((a, b) => (b.reading_minutes > a.reading_minutes ? b : a), post);
      const tagged = manifest.posts.find((p) => p.tags.length > 0);
      const routes = [
        ['/', 'index.html'],
        [`/posts/${post.slug}`, `posts/${post.slug}/index.html`],
        [`/posts/${longest.slug}`, `posts/${longest.slug}/index.html`],
        ['/archive', 'archive.html'],
        ['/search', 'search.html'],
      ];
      if (tagged) routes.push(['/tags', 'tags.html']);
      for (const [path, file] of routes) {
        if (!existsSync(join(dist, file))) throw new Error(`${file} was not prerendered`);
        const html = readFileSync(join(dist, file), 'utf8');
        await withPage(site, async (page) => {
          await page.open(path);
          // The app's page, then the prerendered file parsed in the same page.
          const drawn = await page.evaluate(`(${NORMALIZE})(document.querySelector('body > [data-folio-root="app"]'))`);
          const written = await page.evaluate(parsed(html));
          const difference = firstDifference(written, drawn);
          assert.equal(difference, null, `${path}: the app's page differs from ${file}: ${difference}`);
        });
      }
      // A tag page, reached from the prerendered tag list's first link.
      if (tagged) {
        const tagsHtml = readFileSync(join(dist, 'tags.html'), 'utf8');
        const href = /<a href="([^"]*\/tags\/[^"]+)"/.exec(tagsHtml)?.[1];
        assert.ok(href, 'the tags page links a tag');
        const rel = decodeURIComponent(href.slice(new URL(server.url).pathname.length));
        const html = readFileSync(join(dist, `${rel}.html`), 'utf8');
        await withPage(site, async (page) => {
          await page.open(`/${rel}`);
          const drawn = await page.evaluate(`(${NORMALIZE})(document.querySelector('body > [data-folio-root="app"]'))`);
          const written = await page.evaluate(parsed(html));
          assert.equal(firstDifference(written, drawn), null, `/${rel}`);
        });
      }
    } finally {
      await browser.close();
      await server.close();
    }
  });
}
