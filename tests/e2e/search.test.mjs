// Search: the header box, the /search page (the benchmark's contract), keyboard use, the
// highlight in articles, typing on the home page and the empty state.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage } from './site.mjs';

const site = useSite();
const { manifest } = site;
const RESULTS = '[data-testid="search-results"]';
const RESULT_LINKS = `${RESULTS} a[data-result]`;

/** Slugs of the result links, in rank order. */
async function resultSlugs(page) {
  const hrefs = await page.$$eval(RESULT_LINKS, (as) => as.map((a) => a.getAttribute('href')));
  return hrefs.map((h) => decodeURIComponent(h.match(/\/posts\/([^/?#]+)/)[1]));
}

/** Waits until the results list shows exactly what `predicate(slugs)` accepts. */
async function waitForResults(page, predicate, what) {
  const deadline = Date.now() + 10_000;
  let slugs = [];
  while (Date.now() < deadline) {
    slugs = await resultSlugs(page);
    if (predicate(slugs)) return slugs;
    await page.waitForTimeout(25);
  }
  assert.fail(`results never showed ${what}; last seen: ${JSON.stringify(slugs)}`);
}

const slugOf = (title) => manifest.posts.find((p) => p.title === title).slug;

test('a shared /search?q= link shows ranked results with the query in the box', async () => {
  await withPage(site, async (page) => {
    await page.open('/search?q=hashcode');
    const slugs = await waitForResults(page, (s) => s.length > 0, 'any result');
    assert.equal(slugs[0], slugOf('How does the default hashCode() work?'));
    assert.equal(await page.inputValue('input[type="search"]'), 'hashcode');
    assert.match(await page.textContent('[role="status"].count'), /\d+ posts? found/);
    assert.match(await page.title(), /hashcode/);
  });
});

test('typing updates the results on every keystroke and keeps the query in the URL', async () => {
  await withPage(site, async (page) => {
    await page.open('/search');
    await page.waitForSelector('input[type="search"]');
    await page.focus('input[type="search"]');
    const seen = [];
    for (const key of 'kubernetes') {
      await page.keyboard.type(key);
      const typed = await page.inputValue('input[type="search"]');
      if (typed.length >= 3) {
        // Every keystroke from the third letter on ranks the posts about Kubernetes first.
        const slugs = await waitForResults(page, (s) => s.length > 0, `results for "${typed}"`);
        seen.push(slugs.length);
        // The URL follows the box once the results are painted (src/components/search_box.rs).
        await page.waitForFunction((t) => new URL(location.href).searchParams.get('q') === t, typed);
        assert.equal(new URL(page.url()).searchParams.get('q'), typed);
      }
    }
    const kubernetesPosts = manifest.posts.filter((p) => /kubernetes/i.test(p.title));
    const top = (await resultSlugs(page)).slice(0, kubernetesPosts.length);
    assert.deepEqual(new Set(top), new Set(kubernetesPosts.map((p) => p.slug)), 'titles naming Kubernetes rank first');
    assert.ok(seen.length >= 8);
  });
});

test('typos and prefixes still find the post', async () => {
  await withPage(site, async (page) => {
    await page.open('/search?q=' + encodeURIComponent('identifers meaning'));
    let slugs = await waitForResults(page, (s) => s.length > 0, 'a typo-tolerant match');
    assert.equal(slugs[0], slugOf('Identifiers are better off without meaning'));
    await page.open('/search?q=' + encodeURIComponent('serverl'));
    slugs = await waitForResults(page, (s) => s.length > 0, 'a prefix match');
    assert.equal(slugs[0], slugOf("Why aren't we all serverless yet?"));
  });
});

test('typing on an article opens /search, and Back returns to the article', async () => {
  await withPage(site, async (page) => {
    const post = manifest.posts[2];
    await page.open(`/posts/${post.slug}`);
    await page.waitForSelector('[data-testid="article-body"]');
    await page.click('input[type="search"]');
    await page.keyboard.type('jvm', { delay: 20 });
    await waitForResults(page, (s) => s.length > 0, 'results for "jvm"');
    assert.equal(new URL(page.url()).pathname, site.path('/search'));
    assert.equal(new URL(page.url()).searchParams.get('q'), 'jvm');
    await page.goBack();
    await page.waitForSelector('[data-testid="article-body"]');
    assert.equal(new URL(page.url()).pathname, site.path(`/posts/${post.slug}`));
  });
});

test('keyboard: / focuses the box, arrows move through results, Enter opens, Esc comes back, clears, leaves', async () => {
  await withPage(site, async (page) => {
    await page.open('/search?q=kubernetes');
    const slugs = await waitForResults(page, (s) => s.length >= 2, 'two results');
    await page.click('h1');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    assert.match(focused, new RegExp(`/posts/${slugs[1]}\\?`));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
    // Esc on a result comes back to the box, the query kept.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
    assert.equal(await page.inputValue('input[type="search"]'), 'kubernetes');
    // In the box, Esc clears the query, and a second Esc leaves the box.
    await page.keyboard.press('Escape');
    assert.equal(await page.inputValue('input[type="search"]'), '');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'the focus goes to the content');

    await page.open('/search?q=kubernetes');
    await waitForResults(page, (s) => s.length >= 2, 'two results');
    await page.click('h1');
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="article-body"]');
    assert.equal(new URL(page.url()).pathname, site.path(`/posts/${slugs[0]}`));
  });
});

test('an article opened from a result marks the matched words and scrolls to the first', async () => {
  await withPage(site, async (page) => {
    await page.open('/search?q=cleaner');
    await waitForResults(page, (s) => s.length > 0, 'a result');
    await page.click(`${RESULT_LINKS} >> nth=0`);
    await page.waitForSelector('[data-testid="article-body"] mark');
    assert.ok(new URL(page.url()).searchParams.get('highlight'));
    const marks = await page.$$eval('[data-testid="article-body"] mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
    assert.ok(marks.length > 0 && marks.every((m) => m.startsWith('cleaner')), JSON.stringify(marks));
    const inView = await page.$eval('[data-testid="article-body"] mark', (m) => {
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    assert.ok(inView, 'the first mark is scrolled into view');
  });
});

test('a shared link with ?highlight= opens the prerendered article marked and scrolled to the first mark', async () => {
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 900, height: 500 });
    await page.open('/search?q=cleaner');
    await waitForResults(page, (s) => s.length > 0, 'a result');
    const href = await page.$eval(RESULT_LINKS, (a) => a.href);
    assert.ok(new URL(href).searchParams.get('highlight'), href);
    // A fresh load of that URL: the prerendered article, then the app (a query starts it).
    await page.goto(href);
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
    await page.waitForSelector('[data-testid="article-body"] mark');
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-testid="article-body"] mark').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    const markTop = await page.$eval('[data-testid="article-body"] mark', (m) => m.getBoundingClientRect().top + scrollY);
    assert.ok(markTop > 500, `the first mark (at ${markTop}px) is below the first screen, so the page had to scroll`);
  });
});

test('typing on the home page shows the results under the box, on /search, and Back returns home', async () => {
  await withPage(site, async (page) => {
    await page.open('/');
    await page.waitForSelector('li[data-testid="post-item"]');
    await page.click('input[type="search"]');
    await page.keyboard.type('hashcode', { delay: 20 });
    const slugs = await waitForResults(page, (s) => s.length > 0, 'results');
    assert.equal(slugs[0], slugOf('How does the default hashCode() work?'));
    assert.equal(new URL(page.url()).pathname, site.path('/search'));
    assert.equal(new URL(page.url()).searchParams.get('q'), 'hashcode');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search', 'typing goes on in the box');
    // The first result is on the first screen, where the reader is looking.
    const top = await page.$eval(RESULT_LINKS, (a) => a.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < (await page.evaluate(() => innerHeight)), `first result at ${top}px`);
    await page.goBack();
    await page.waitForSelector('li[data-testid="post-item"]');
    assert.equal(new URL(page.url()).pathname, site.path('/'));
  });
});

test('a /?q= link still filters All writing on the home page', async () => {
  await withPage(site, async (page) => {
    await page.open('/?q=hashcode');
    const slugs = await waitForResults(page, (s) => s.length > 0, 'filtered posts');
    assert.equal(slugs[0], slugOf('How does the default hashCode() work?'));
    assert.ok(slugs.length < manifest.posts.length);
  });
});

test('a query with no results says so and suggests what to do', async () => {
  await withPage(site, async (page) => {
    await page.open('/search?q=zqxjvw');
    await page.waitForFunction(() => /No posts match/.test(document.querySelector('[role="status"].count')?.textContent ?? ''));
    assert.equal((await resultSlugs(page)).length, 0);
    assert.match(await page.textContent('.empty-hint'), /fewer or shorter words/);
  });
});

test('tag chips narrow the results to one tag and back', async () => {
  await withPage(site, async (page) => {
    await page.open('/search?q=kubernetes');
    const all = await waitForResults(page, (s) => s.length >= 3, 'several results');
    const chip = page.locator('.tag-filter button', { hasText: '#jvm' });
    await chip.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('tag') === 'jvm');
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
    const jvm = new Set(manifest.posts.filter((p) => p.tags.includes('jvm')).map((p) => p.slug));
    const narrowed = await waitForResults(page, (s) => s.length > 0 && s.length < all.length, 'fewer results');
    assert.ok(narrowed.every((s) => jvm.has(s)), JSON.stringify(narrowed));
    assert.deepEqual(narrowed, all.filter((s) => jvm.has(s)), 'the ranking order is kept');
    await chip.click();
    await waitForResults(page, (s) => s.length === all.length, 'all results again');
  });
});
