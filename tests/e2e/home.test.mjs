// The home page: bio, reach-out link, highlights, every post newest first, and "Get updates"
// (the signup form itself: publishing.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage, listedPostPaths, waitForHome } from './site.mjs';

const site = useSite();
const { manifest } = site;

const HIGHLIGHT_TITLES = [
  'DDoSing Software Delivery Pipelines',
  'Building a Kubernetes platform for 1500 engineers',
  'Latency after a Kubernetes migration',
];

test('home shows the author, the three-paragraph bio and the reach-out link', async () => {
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    assert.equal((await page.textContent('main#main h1')).trim(), site.author);
    assert.equal((await page.textContent('header.site-header a.site-title')).trim(), site.author);
    const titleHref = await page.$eval('header.site-header a.site-title', (a) => a.href);
    assert.equal(new URL(titleHref).pathname, site.path('/'));

    const paragraphs = await page.$$eval('[data-testid="bio"] p', (ps) => ps.map((p) => p.textContent.trim()));
    assert.equal(paragraphs.length, 3, `bio paragraphs: ${JSON.stringify(paragraphs)}`);
    assert.match(paragraphs[0], /^I am a software engineer with 20 years/);

    const reach = page.locator('a[data-testid="reach-out"]');
    assert.equal(await reach.count(), 1);
    assert.ok((await reach.textContent()).trim().length > 0, 'reach-out link has text');
    assert.equal(await reach.getAttribute('href'), manifest.site.reach_out.url);
  });
});

test('home lists the three highlights with their blurbs, in the author\'s order', async () => {
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    const section = page.locator('section[data-testid="highlights"]');
    assert.equal((await section.locator('h2').first().textContent()).trim(), 'Highlights');
    const items = await section.locator('[data-testid="highlight"]').evaluateAll((els) =>
      els.map((el) => ({
        title: el.querySelector('a[data-testid="post-link"]')?.textContent.trim(),
        href: el.querySelector('a[data-testid="post-link"]')?.href,
        blurb: el.querySelector('[data-testid="blurb"]')?.textContent.trim(),
      })),
    );
    assert.deepEqual(items.map((i) => i.title), HIGHLIGHT_TITLES);
    const expected = manifest.site.highlights.map((slug) => manifest.posts.find((p) => p.slug === slug));
    assert.deepEqual(items.map((i) => new URL(i.href).pathname), site.postPaths(expected));
    assert.deepEqual(items.map((i) => i.blurb), expected.map((p) => p.highlight.trim()));
    for (const item of items) assert.ok(item.blurb.length > 20, `blurb for ${item.title}`);
  });
});

test('home lists every post, newest first', async () => {
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    const section = page.locator('section[data-testid="all-writing"]');
    assert.equal((await section.locator('h2').first().textContent()).trim(), 'All writing');
    const items = await section.locator('li[data-testid="post-item"]').evaluateAll((lis) =>
      lis.map((li) => ({
        title: li.querySelector('a[data-testid="post-link"]')?.textContent.trim(),
        date: li.querySelector('time')?.getAttribute('datetime'),
      })),
    );
    assert.equal(manifest.posts.length, 18, 'the sample content has 18 posts');
    assert.equal(items.length, 18);
    assert.deepEqual(
      await listedPostPaths(page, 'section[data-testid="all-writing"] li[data-testid="post-item"]'),
      site.postPaths(manifest.posts),
    );
    assert.deepEqual(items.map((i) => i.title), manifest.posts.map((p) => p.title));
    assert.equal(items[0].title, 'DDoSing Software Delivery Pipelines');
    for (const [n, item] of items.entries()) {
      assert.match(item.date ?? '', /^\d{4}-\d{2}-\d{2}$/, `datetime of item ${n}`);
      if (n > 0) assert.ok(item.date <= items[n - 1].date, `${item.date} after ${items[n - 1].date}: not newest first`);
    }
  });
});

test('"Get updates" links the feed and offers the mailing list', async () => {
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    const box = page.locator('[data-testid="subscribe"]');
    assert.match((await box.textContent()).replace(/\s+/g, ' '), /Get updates via RSS feed or by email\./);
    const rss = await box.locator('a[data-testid="rss-link"]').evaluate((a) => a.href);
    assert.equal(rss, new URL(manifest.site.feed_url, await page.evaluate(() => document.baseURI)).href);
    const form = box.locator('form[data-testid="subscribe-form"]');
    assert.equal(await form.getAttribute('action'), manifest.site.mailing_list.action);
  });
});

test('the site has an icon, so browsers log no 404 for /favicon.ico', async () => {
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    const declared = await page.$$eval('link[rel~="icon"]', (links) => links.map((l) => l.href));
    for (const href of declared) {
      if (href.startsWith('data:')) continue;
      const response = await page.request.get(href);
      assert.equal(response.status(), 200, `icon ${href}`);
    }
    if (declared.length === 0) {
      const response = await page.request.get(new URL('/favicon.ico', page.url()).href);
      assert.equal(response.status(), 200, 'index.html names no icon (link rel="icon") and /favicon.ico is missing');
    }
  });
});
