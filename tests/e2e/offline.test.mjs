// Reading offline (public/sw.js): the worker comes only after the first visit has loaded; a
// reader who opened two posts can reread both and search the whole site with the network gone;
// a new deploy replaces the old cache. Each test serves its own copy of the built site (the
// deploy test rewrites it) and stops that server to go offline, as well as setting the browser
// offline, so nothing can reach the network behind the worker's back.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { launchBrowser, openPage } from './browser.mjs';
import { BASE_PATH, DIST, TIMEOUT, loadManifest, waitForArticle } from './site.mjs';

const manifest = loadManifest();
let browser;
const copies = [];

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built site, served on 127.0.0.1 under the base path. */
async function servedCopy(options = {}) {
  const root = mkdtempSync(join(tmpdir(), 'folio-offline-'));
  copies.push(root);
  cpSync(DIST, root, { recursive: true });
  const server = await startServer({ root, basePath: BASE_PATH, ...options });
  return { root, server, url: (path) => new URL(path.replace(/^\/+/, ''), server.url).href };
}

/** A page whose service workers run (the other tests block them: see browser.mjs). */
async function workerPage() {
  const page = await openPage(browser, { context: { serviceWorkers: 'allow' } });
  page.setDefaultTimeout(TIMEOUT);
  return page;
}

/** The worker's caches: { name: [url, ...] }. */
function cached(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    }
    return out;
  });
}

/** Polls the caches until `accept(caches)` holds. */
async function waitForCaches(page, accept, what) {
  const deadline = Date.now() + TIMEOUT;
  let seen = {};
  while (Date.now() < deadline) {
    seen = await cached(page);
    if (accept(seen)) return seen;
    await page.waitForTimeout(100);
  }
  assert.fail(`the caches never held ${what}; last seen: ${JSON.stringify(seen).slice(0, 2000)}`);
}

/** The version the build stamped into sw.js. */
function version(root) {
  return readFileSync(join(root, 'sw.js'), 'utf8').match(/"version":"([0-9a-f]{16})"/)[1];
}

const searchParts = readdirSync(join(DIST, 'search')).filter((name) => name.endsWith('.bin'));
const withoutImages = manifest.posts.filter((post) => !readFileSync(join(DIST, 'bodies', `${post.slug}.html`), 'utf8').includes('<img'));

test('the worker is stamped with the build and registered only after the first visit has loaded', async () => {
  // The stylesheet holds the load event back for a while: no worker and no cache meanwhile.
  const css = readdirSync(DIST).find((name) => /^main-[0-9a-f]+\.css$/.test(name));
  const site = await servedCopy({ delay: (path) => (path.endsWith(css) ? 1500 : 0) });
  const page = await workerPage();
  try {
    assert.match(version(site.root), /^[0-9a-f]{16}$/, 'sw.js carries the build version');
    await page.goto(site.url('/archive'), { waitUntil: 'commit' });
    await page.waitForSelector('body > [data-folio-root]', { state: 'attached' });
    await page.waitForTimeout(500);
    const during = await page.evaluate(async () => ({
      loaded: document.readyState === 'complete',
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      caches: (await caches.keys()).length,
    }));
    assert.deepEqual(during, { loaded: false, workers: 0, caches: 0 });
    await page.waitForLoadState('load');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, site.url('/'), 'the worker covers the whole site, under its base path');
    await waitForCaches(page, (c) => (c[`folio-${version(site.root)}`] ?? []).includes(site.url('/archive')), 'the page just read');
    assert.deepEqual(page.problems(), []);
  } finally {
    await page.closeContext();
    await site.server.close();
  }
});

test('offline, a reader rereads the two posts they opened and searches the whole site', async () => {
  assert.ok(withoutImages.length >= 3, 'the sample has three posts without images');
  const [first, second, unread] = [withoutImages[0], withoutImages[1], withoutImages.at(-1)];
  const site = await servedCopy();
  const page = await workerPage();
  try {
    const cache = `folio-${version(site.root)}`;
    await page.goto(site.url(`/posts/${first.slug}`));
    await waitForArticle(page);
    // Once the visit is idle, the worker keeps this page and the whole search index.
    const wanted = [site.url(`/posts/${first.slug}`), ...searchParts.map((part) => site.url(`/search/${part}`))];
    await waitForCaches(page, (c) => wanted.every((url) => (c[cache] ?? []).includes(url)), 'the first post and the search index');
    await page.goto(site.url(`/posts/${second.slug}`));
    await waitForArticle(page);
    await waitForCaches(page, (c) => (c[cache] ?? []).includes(site.url(`/posts/${second.slug}`)), 'the second post');

    await page.context().setOffline(true);
    await site.server.close();

    for (const post of [first, second]) {
      await page.goto(site.url(`/posts/${post.slug}`));
      await waitForArticle(page);
      assert.equal((await page.textContent('article[data-testid="article"] h1')).trim(), post.title);
      // The app starts from the cache too, and takes the page over.
      await page.waitForSelector('html[data-app="ready"], html[data-app="live"]', { state: 'attached' });
      await page.keyboard.press('Shift');
      await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
      await waitForArticle(page);
    }

    // A post never opened is found: the whole index is on the reader's machine.
    await page.goto(site.url(`/search?q=${encodeURIComponent(unread.title)}`));
    const found = await page
      .waitForFunction(
        (slug) => [...document.querySelectorAll('[data-testid="search-results"] a[data-result]')].some((a) => new URL(a.href).pathname.endsWith(`/posts/${slug}`)),
        unread.slug,
      )
      .catch(() => null);
    const shown = await page.$$eval('[data-testid="search-results"] a[data-result]', (as) => as.map((a) => a.getAttribute('href')));
    assert.ok(found, `"${unread.title}" finds /posts/${unread.slug} offline; shown: ${JSON.stringify(shown)}; page: ${(await page.textContent('main')).slice(0, 300)}`);
    assert.deepEqual(page.problems(), []);
  } finally {
    await page.closeContext();
    await site.server.close();
  }
});

test('a new deploy replaces the old cache', async () => {
  const site = await servedCopy();
  const page = await workerPage();
  try {
    const old = version(site.root);
    await page.goto(site.url('/'));
    await waitForCaches(page, (c) => (c[`folio-${old}`] ?? []).includes(site.url('/')), 'the home page');
    // The next build: another version in sw.js (as any changed app file, manifest or index gives).
    const next = old.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const worker = join(site.root, 'sw.js');
    writeFileSync(worker, readFileSync(worker, 'utf8').replace(`"version":"${old}"`, `"version":"${next}"`));
    await page.reload();
    const after = await waitForCaches(page, (c) => Object.keys(c).join() === `folio-${next}`, 'only the new build');
    // The new cache holds the new build's app; the page still works.
    assert.ok(after[`folio-${next}`].includes(site.url('manifest.json')));
    await page.waitForSelector('body > [data-folio-root] h1');
    assert.deepEqual(page.problems(), []);
  } finally {
    await page.closeContext();
    await site.server.close();
  }
});
