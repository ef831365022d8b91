// The frame around every page: the footer from site.toml at the bottom of a short page, and no
// tags page on a site without tags.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage } from './site.mjs';

const site = useSite();
const { manifest } = site;
const years = manifest.posts.map((post) => Number(post.date.slice(0, 4))).filter(Number.isFinite);
const span = Math.min(...years) === Math.max(...years) ? `${Math.min(...years)}` : `${Math.min(...years)}\u2013${Math.max(...years)}`;

/** The footer's text and how far its bottom edge is from the window's. */
function footer(page) {
  return page.evaluate(() => {
    const root = [...document.querySelectorAll('body > [data-folio-root]')].find((r) => !r.hidden);
    const foot = root.querySelector('footer[data-testid="site-footer"]');
    return { text: foot.innerText, gap: Math.round(innerHeight - foot.getBoundingClientRect().bottom) };
  });
}

test('the footer names the author, the years of the posts and the site line', async () => {
  await withPage(site, async (page) => {
    await page.open('/archive', { live: false });
    const before = await footer(page);
    assert.equal(before.text.split('\n')[0].trim(), `\u00a9 ${span} ${manifest.site.author}`);
    if (manifest.site.footer) assert.match(before.text, new RegExp(manifest.site.footer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.doesNotMatch(before.text, /WebAssembly/);
    await page.wake();
    assert.equal((await footer(page)).text, before.text, 'the app draws the same footer');
  });
});

test('on a short page the footer sits at the bottom of the window', async () => {
  for (const viewport of [{ width: 1280, height: 1000 }, { width: 390, height: 844 }]) {
    await withPage(
      site,
      async (page) => {
        await page.open('/nowhere-at-all', { live: false });
        assert.equal(await page.locator('[data-testid="not-found"]').count() > 0, true);
        assert.equal((await footer(page)).gap, 0, `prerendered, ${viewport.width} px`);
        await page.wake();
        assert.equal((await footer(page)).gap, 0, `app, ${viewport.width} px`);
      },
      { context: { viewport } },
    );
  }
});

test('on a site without tags, /tags is the not-found page and no header links to it', async () => {
  await withPage(site, async (page) => {
    await page.route('**/manifest.json', async (route) => {
      const response = await route.fetch();
      const untagged = await response.json();
      for (const post of untagged.posts) post.tags = [];
      await route.fulfill({ response, json: untagged });
    });
    await page.open('/tags');
    await page.waitForSelector('[data-folio-root="app"] [data-testid="not-found"]');
    assert.equal(await page.locator('[data-folio-root="app"] h1').innerText(), 'Page not found');
    assert.equal(await page.locator('[data-folio-root="app"] header a', { hasText: /^Tags$/ }).count(), 0);
  });
});
