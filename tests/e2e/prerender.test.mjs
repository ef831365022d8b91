// Prerendered pages: every route is a real file that reads without script (readers before the
// wasm arrives, crawlers, link previews), and the app takes the page over without changing what
// the reader sees: same main content, nothing moving, one copy of the page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage } from './site.mjs';

const site = useSite();

function routes() {
  const posts = site.manifest.posts;
  const tag = posts.find((p) => p.tags.length > 0).tags[0];
  return [
    ['home', '/'],
    ['newest article', `/posts/${posts[0].slug}`],
    ['oldest article', `/posts/${posts[posts.length - 1].slug}`],
    ['tag page', `/tags/${encodeURIComponent(tag)}`],
    ['tags', '/tags'],
    ['archive', '/archive'],
  ];
}

/** The main content as a reader reads it: its text, whitespace collapsed. */
const mainText = (page) => page.$eval('main', (m) => m.innerText.replace(/\s+/g, ' ').trim());

test('every route is served as a page of its own that reads without script', async () => {
  for (const [label, path] of routes()) {
    await withPage(
      site,
      async (page) => {
        const response = await page.open(path);
        assert.equal(response.status(), 200, `${label}: ${path} is not a file of its own`);
        assert.equal(await page.locator('main h1').count(), 1, `${label}: one h1`);
        assert.ok((await mainText(page)).length > 20, `${label}: main has content`);
        const canonical = await page.$$eval('link[rel="canonical"]', (ls) => ls.map((l) => l.href));
        assert.equal(canonical.length, 1, `${label}: one canonical link`);
        assert.ok(canonical[0].endsWith(path === '/' ? '/' : path), `${label}: canonical ${canonical[0]} names ${path}`);
        assert.match(await page.title(), /\S/, `${label}: a title`);
      },
      { context: { javaScriptEnabled: false } },
    );
  }
});

test('the prerendered article has its body, and its links lead to real pages', async () => {
  const post = site.manifest.posts.find((p) => p.tags.length > 0);
  await withPage(
    site,
    async (page) => {
      await page.open(`/posts/${post.slug}`);
      assert.equal(await page.locator('article h1').textContent(), post.title);
      const body = await page.$eval('[data-testid="article-body"]', (b) => b.textContent.trim());
      assert.ok(body.length > 100, 'the article body is in the HTML');
      await page.click('[data-testid="tag-link"]');
      await page.waitForURL((url) => url.pathname === site.path(`/tags/${post.tags[0]}`) || decodeURIComponent(url.pathname) === site.path(`/tags/${post.tags[0]}`));
      assert.equal(await page.locator('main h1').count(), 1);
      const listed = await page.$$eval('[data-testid="post-link"]', (as) => as.map((a) => a.textContent));
      assert.ok(listed.includes(post.title), 'the tag page lists the post');
    },
    { context: { javaScriptEnabled: false } },
  );
});

test('the app takes over with the same content, one copy of the page, and no layout shift', async () => {
  for (const [label, path] of routes()) {
    let staticText;
    await withPage(
      site,
      async (page) => {
        await page.open(path);
        staticText = await mainText(page);
      },
      { context: { javaScriptEnabled: false } },
    );
    await withPage(site, async (page) => {
      await page.addInitScript(() => {
        window.__shifts = 0;
        new PerformanceObserver((list) => {
          // Every shift counts, those just after input too: the app takes over after the key
          // press that wakes it (src/takeover.rs), and the reader must not see the page move.
          for (const entry of list.getEntries()) window.__shifts += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.open(path);
      await page.waitForTimeout(200);
      assert.equal(await page.locator('[data-folio-root="prerendered"]').count(), 0, `${label}: the static copy is gone`);
      assert.equal(await page.locator('main').count(), 1, `${label}: one main`);
      assert.equal(await page.locator('main h1').count(), 1, `${label}: one h1`);
      assert.equal(await mainText(page), staticText, `${label}: the app shows what the prerendered page showed`);
      const shifts = await page.evaluate(() => window.__shifts);
      assert.ok(shifts < 0.01, `${label}: layout shift ${shifts}`);
    });
  }
});
