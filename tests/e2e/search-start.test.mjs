// How a search's results arrive: results already drawn stay as they are while their snippets
// arrive (the row a reader has focused is not redrawn).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage } from './site.mjs';

const site = useSite();
const RESULTS = '[data-testid="search-results"]';
const RESULT_LINKS = `${RESULTS} a[data-result]`;
const QUERY = 'kubernetes';

/** Holds back the responses whose paths match `re` by `ms`; returns when the last was let go. */
async function holdBack(page, re, ms) {
  const held = { releasedAt: Infinity };
  await page.route((url) => re.test(new URL(url).pathname), async (route) => {
    await new Promise((done) => setTimeout(done, ms));
    held.releasedAt = Date.now();
    await route.continue();
  });
  return held;
}

test('a result the reader has focused keeps focus, and stays the same element, while its snippet arrives', async () => {
  await withPage(site, async (page) => {
    await holdBack(page, /\/search\/t-[0-9a-f]+\/\d+\.txt$/, 1500);
    await page.open(`/search?q=${QUERY}`);
    await page.waitForSelector(RESULT_LINKS);
    const first = page.locator(RESULT_LINKS).first();
    await first.focus();
    // A mark on the element itself: a row drawn again would be a new element without it.
    await first.evaluate((a) => {
      a.dataset.probe = 'kept';
    });
    const excerpt = page.locator(`${RESULTS} li .excerpt`).first();
    const before = await excerpt.textContent();
    await page.waitForFunction(
      ([sel, text]) => document.querySelector(sel)?.textContent !== text,
      [`${RESULTS} li .excerpt`, before],
    );
    assert.match(await excerpt.innerHTML(), /<mark>/i, 'the snippet marks the query');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset?.probe), 'kept');
  });
});
