// The app on a prerendered page: it downloads after the first paint, renders nothing until the
// reader does something (src/takeover.rs), and then whatever the reader started carries over:
// the link they clicked, the key they pressed, the text they typed, the button they pressed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage, waitForHome } from './site.mjs';

const site = useSite();
const posts = site.manifest.posts;

/** Opens `path` and waits until the app has loaded and waits for the reader, without waking it. */
async function openAsleep(page, path) {
  await page.open(path, { live: false });
  await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
}

const searchResultPaths = (page) =>
  page.$$eval('[data-testid="search-results"] a[data-result]', (as) => as.map((a) => new URL(a.href).pathname));

test('the app loads after the first paint and renders nothing until the reader acts; the search index downloads meanwhile', async () => {
  await withPage(site, async (page) => {
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await openAsleep(page, `/posts/${posts[0].slug}`);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/search/index.bin')));

    assert.equal(await page.locator('head link[rel="modulepreload"], head link[rel="preload"][href$=".wasm"]').count(), 0, 'no preload of the app in <head>');
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.startTime,
    }));
    assert.ok(timing.paint !== undefined && timing.wasm !== undefined, JSON.stringify(timing));
    assert.ok(timing.wasm >= timing.paint, `the wasm was requested at ${timing.wasm} ms, before the first paint at ${timing.paint} ms`);

    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-folio-root="prerendered"]').count(), 1, 'the prerendered page is still shown');
    assert.equal(await page.locator('[data-folio-root="app"]').count(), 0, 'the app has rendered nothing');
    // The manifest comes first (without it the app would not start), the post's body never:
    // the app takes it from the prerendered page.
    assert.ok(!requested.some((p) => p.includes('/bodies/')), 'the app fetched no post body');
    assert.ok(requested.some((p) => p.endsWith('/search/index.bin')), 'the search index was requested');
  });
});

test('a link clicked as the first thing is followed by the app, without reloading the page', async () => {
  await withPage(site, async (page) => {
    await openAsleep(page, '/');
    await page.evaluate(() => { window.__folioMarker = 'same document'; });
    const post = posts[1];
    await page.click(`[data-folio-root="prerendered"] a[data-testid="post-link"][href$="/posts/${post.slug}"]`);
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
    await page.waitForFunction((title) => document.querySelector('main h1')?.textContent === title, post.title);
    assert.equal(new URL(page.url()).pathname, site.path(`/posts/${post.slug}`));
    assert.equal(await page.evaluate(() => window.__folioMarker), 'same document', 'the page was reloaded');
    assert.equal(await page.locator('[data-folio-root="prerendered"]').count(), 0);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  });
});

test('text typed into the search box before the app woke is searched, and focus stays in the box', async () => {
  await withPage(site, async (page) => {
    await openAsleep(page, `/posts/${posts[0].slug}`);
    await page.click('[data-folio-root="prerendered"] input[type="search"]');
    await page.keyboard.type('jvm');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'jvm');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] a').length > 0);
    assert.equal(new URL(page.url()).pathname, site.path('/search'));
    assert.equal(await page.$eval('input[type="search"]', (i) => i.value), 'jvm');
    assert.equal(await page.evaluate(() => document.activeElement?.type), 'search', 'focus stayed in the search box');
    // Typing goes on in the app's box.
    await page.keyboard.type(' heap');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'jvm heap');
    assert.ok((await searchResultPaths(page)).length > 0);
  });
});

test('/ as the first key focuses the search box', async () => {
  await withPage(site, async (page) => {
    await openAsleep(page, '/archive');
    await page.keyboard.press('/');
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
    await page.waitForFunction(() => document.activeElement?.type === 'search' && !document.querySelector('body > [data-folio-root="prerendered"]'));
    assert.equal(await page.$eval('input[type="search"]', (i) => i.value), '', 'the slash was not typed');
  });
});

test('the theme switch shows the theme in use before the app wakes, and works as the first press', async () => {
  await withPage(
    site,
    async (page) => {
      await openAsleep(page, '/');
      const toggle = page.locator('header button[data-testid="theme-toggle"]');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'a dark system shows the dark theme');
      await toggle.click();
      await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
      await waitForHome(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    },
    { context: { colorScheme: 'dark' } },
  );
});

test('a URL with a query starts the app without waiting for the reader', async () => {
  await withPage(site, async (page) => {
    await page.open('/search?q=jvm', { live: false });
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] a').length > 0);
  });
});

test('the skip link of a prerendered page stays on that page', async () => {
  const post = posts[0];
  await withPage(
    site,
    async (page) => {
      await page.open(`/posts/${post.slug}`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#main');
      assert.equal(new URL(page.url()).pathname, site.path(`/posts/${post.slug}`));
      assert.equal(await page.locator('article h1').textContent(), post.title);
    },
    { context: { javaScriptEnabled: false } },
  );
});
