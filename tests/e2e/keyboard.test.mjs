// The whole site with the keyboard alone: a reader walks from the home page to an article, its
// tag, the archive and back, switches the theme, and every element focused on the way shows a
// visible focus indicator.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage } from './site.mjs';

const site = useSite();

/** What has focus, and whether it shows a focus indicator (outline or ring). */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim(),
      href: el.getAttribute('href'),
      testid: el.dataset.testid ?? null,
      visible: outline || ring,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `wanted(focus)` holds; fails after `max` presses. Every
 * element focused on the way must show its focus.
 */
async function tabTo(page, wanted, { shift = false, max = 80, what = 'the element' } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const focus = await focused(page);
    if (focus === null) continue;
    assert.ok(focus.visible, `no visible focus on <${focus.tag}> "${focus.text.slice(0, 40)}"`);
    if (wanted(focus)) return focus;
  }
  assert.fail(`${max} presses of ${shift ? 'Shift+Tab' : 'Tab'} never reached ${what}`);
}

test('a reader walks the site with the keyboard alone', async () => {
  const post = site.manifest.posts.find((p) => p.tags.length > 0);
  const tag = post.tags[0];
  await withPage(site, async (page) => {
    await page.open('/');

    // The first Tab reaches the skip link, which moves focus past the header.
    const first = await tabTo(page, () => true, { max: 1, what: 'anything' });
    assert.equal(first.text, 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.closest('main') !== null), true);

    // Into All writing, then open the post.
    await tabTo(page, (f) => f.testid === 'post-link' && f.text === post.title, { max: 120, what: post.title });
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === site.path(`/posts/${post.slug}`));
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), post.title);

    // From the heading, on to the post's first tag.
    await tabTo(page, (f) => f.testid === 'tag-link' && f.text === `#${tag}`, { what: `#${tag}` });
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.includes(t), tag);
    const listed = await page.$$eval('main [data-testid="post-link"]', (as) => as.map((a) => a.textContent));
    assert.ok(listed.includes(post.title));

    // Back up into the header: the archive.
    await tabTo(page, (f) => f.text === 'Archive', { shift: true, what: 'Archive' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Archive');

    // The theme switch, with the keyboard.
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await tabTo(page, (f) => f.testid === 'theme-toggle', { shift: true, what: 'the theme switch' });
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => getComputedStyle(document.body).backgroundColor !== b, before);

    // Home again through the site title.
    await tabTo(page, (f) => f.tag === 'a' && f.text === site.author, { shift: true, what: 'the site title' });
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === site.path('/'));
    await page.waitForSelector('section[data-testid="all-writing"] li[data-testid="post-item"]');
  });
});
