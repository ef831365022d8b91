// The app taking over a prerendered page leaves the reader where they are (src/takeover.rs): a
// contents link followed as the first thing, before the app woke, keeps its heading in view,
// and a page scrolled before the first key stays at that position.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage } from './site.mjs';

const site = useSite();

/** A post with a table of contents, from the prerendered HTML (the manifest does not say). */
async function postWithContents(page) {
  for (const post of site.manifest.posts) {
    await page.open(`/posts/${post.slug}`, { live: false });
    if ((await page.locator('[data-folio-root="prerendered"] nav.toc a').count()) > 1) return post;
  }
  throw new Error('no post of the site has a table of contents');
}

test('a contents link clicked before the app woke: the heading is still in view after the takeover', async () => {
  await withPage(site, async (page) => {
    await postWithContents(page);
    await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
    const link = page.locator('[data-folio-root="prerendered"] nav.toc a').last();
    const id = decodeURIComponent(new URL(await link.evaluate((a) => a.href)).hash.slice(1));
    await link.click();
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('main .loading'));
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-folio-root="prerendered"]').count(), 0, 'the app took over');
    const at = await page.evaluate((id) => {
      const top = document.getElementById(id).getBoundingClientRect().top;
      return { top, scrollY, innerHeight };
    }, id);
    assert.ok(at.scrollY > 0, `the page scrolled back to the top: ${JSON.stringify(at)}`);
    assert.ok(at.top >= -1 && at.top < at.innerHeight / 2, `the heading #${id} is not at the top of the window: ${JSON.stringify(at)}`);
    assert.equal(decodeURIComponent(new URL(page.url()).hash.slice(1)), id, 'the address names the heading');
  });
});

test('a page scrolled before the first key stays where it was once the app takes over', async () => {
  const post = site.manifest.posts[0];
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 800, height: 500 });
    await page.open(`/posts/${post.slug}`, { live: false });
    await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
    await page.evaluate(() => window.scrollTo(0, 120));
    await page.waitForFunction(() => window.scrollY === 120);
    await page.wake();
    await page.waitForFunction(() => !document.querySelector('main .loading'));
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.scrollY), 120);
  });
});
