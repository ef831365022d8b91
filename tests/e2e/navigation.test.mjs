// Routing: client-side navigation, deep links, not found, tag pages and document titles.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage, listedPostPaths, waitForHome, waitForArticle } from './site.mjs';

const site = useSite();
const { manifest } = site;

async function expectNotFound(page) {
  await page.waitForSelector('[data-testid="not-found"]');
  assert.equal((await page.textContent('[data-testid="not-found"] h1')).trim(), 'Page not found');
  const home = await page.$eval('[data-testid="not-found"] a[data-testid="home-link"]', (a) => a.href);
  assert.equal(new URL(home).pathname, site.path('/'));
}

test('clicking a post on the home page opens the article without a full page reload', async () => {
  await withPage(site, async (page) => {
    const post = manifest.posts[1];
    await page.open('/');
    await waitForHome(page);
    await page.evaluate(() => {
      window.__folioMarker = 'still here';
    });
    await page
      .locator('section[data-testid="all-writing"] a[data-testid="post-link"]', { hasText: post.title })
      .first()
      .click();
    await waitForArticle(page);
    assert.equal((await page.textContent('article[data-testid="article"] h1')).trim(), post.title);
    assert.equal(new URL(page.url()).pathname, site.path(`/posts/${post.slug}`));
    assert.equal(await page.evaluate(() => window.__folioMarker), 'still here', 'the page was reloaded');

    // The article shows its date, reading time and tags; a tag link leads to that tag's page.
    assert.equal(await page.getAttribute('article[data-testid="article"] time', 'datetime'), post.date);
    assert.match(await page.textContent('[data-testid="reading-time"]'), new RegExp(`\\b${post.reading_minutes} min read`));
    const tagHrefs = await page.$$eval('a[data-testid="tag-link"]', (as) => as.map((a) => a.href));
    assert.deepEqual(
      tagHrefs.map((h) => new URL(h).pathname),
      post.tags.map((t) => site.path(`/tags/${encodeURIComponent(t)}`)),
    );

    // Back returns to the list, still without a reload.
    await page.goBack();
    await waitForHome(page);
    assert.equal(new URL(page.url()).pathname, site.path('/'));
    assert.equal(await page.evaluate(() => window.__folioMarker), 'still here', 'going back reloaded the page');
  });
});

test('a deep link to a post loads the article directly', async () => {
  await withPage(site, async (page) => {
    const post = manifest.posts[manifest.posts.length - 1];
    await page.open(`/posts/${post.slug}`);
    await waitForArticle(page);
    assert.equal((await page.textContent('article[data-testid="article"] h1')).trim(), post.title);
    assert.equal(new URL(page.url()).pathname, site.path(`/posts/${post.slug}`));
  });
});

test('an unknown post slug shows not found with a link home', async () => {
  await withPage(
    site,
    async (page) => {
      await page.open('/posts/nope');
      await expectNotFound(page);
      await page.click('a[data-testid="home-link"]');
      await waitForHome(page);
    },
    // The app fetches a post's body in parallel with the manifest, so for a slug the manifest
    // lacks, the body request is answered 404 and Chromium logs it. That one line is expected.
    { allow: [/Failed to load resource: .* 404 .* @ https?:\/\/[^ ]*\/bodies\/nope\.html$/] },
  );
});

test('an unknown path shows not found with a link home', async () => {
  await withPage(site, async (page) => {
    await page.open('/nope/x');
    await expectNotFound(page);
  });
});

test('each tag page lists exactly the posts with that tag', async () => {
  const tags = [...new Set(manifest.posts.flatMap((p) => p.tags))].sort();
  assert.ok(tags.length > 1, 'the sample content has several tags');
  await withPage(site, async (page) => {
    for (const tag of tags) {
      await page.open(`/tags/${encodeURIComponent(tag)}`);
      await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.includes(t), tag);
      await page.waitForSelector('li[data-testid="post-item"]');
      const expected = site.postPaths(manifest.posts.filter((p) => p.tags.includes(tag)));
      assert.deepEqual(await listedPostPaths(page), expected, `posts tagged ${tag}`);
    }
  });
});

test('a tag page is found by its slug or by another spelling of its tag; an unknown one is not found', async () => {
  // Tag pages are /tags/<slug> (src/tags.rs); the sample's tags are their own slugs. A link
  // spelled otherwise (as links were before slugs: /tags/JVM) still reaches the page in the app.
  const tag = manifest.posts.find((p) => p.tags.length > 0).tags[0];
  await withPage(site, async (page) => {
    await page.open(`/tags/${encodeURIComponent(tag.toUpperCase())}`);
    await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.includes(t), tag);
    await page.waitForSelector('li[data-testid="post-item"]');
    const expected = site.postPaths(manifest.posts.filter((p) => p.tags.includes(tag)));
    assert.deepEqual(await listedPostPaths(page), expected, `posts tagged ${tag}`);

    await page.open('/tags/no-such-tag');
    await expectNotFound(page);
  });
});

test('the document title follows the route', async () => {
  await withPage(site, async (page) => {
    const post = manifest.posts[0];
    const tag = post.tags[0];
    await page.open('/');
    await waitForHome(page);
    assert.equal(await page.title(), site.author);

    await page.locator('section[data-testid="all-writing"] a[data-testid="post-link"]').first().click();
    await waitForArticle(page);
    await page.waitForFunction((t) => document.title === t, `${post.title} · ${site.author}`).catch(() => {});
    assert.equal(await page.title(), `${post.title} · ${site.author}`);

    await page.click(`a[data-testid="tag-link"][href$="/tags/${encodeURIComponent(tag)}"]`);
    await page.waitForFunction((t) => document.querySelector('main#main h1')?.textContent.includes(t), tag);
    await page.waitForFunction((t) => document.title === t, `#${tag} · ${site.author}`).catch(() => {});
    assert.equal(await page.title(), `#${tag} · ${site.author}`);

    await page.open('/nope/x');
    await expectNotFound(page);
    await page.waitForFunction((t) => document.title === t, `Page not found · ${site.author}`).catch(() => {});
    assert.equal(await page.title(), `Page not found · ${site.author}`);

    // A deep link sets the article title too, not only client-side navigation.
    await page.open(`/posts/${post.slug}`);
    await waitForArticle(page);
    await page.waitForFunction((t) => document.title === t, `${post.title} · ${site.author}`).catch(() => {});
    assert.equal(await page.title(), `${post.title} · ${site.author}`);
  });
});
