// "Read next" after each article (the posts the pipeline chose, in the prerendered page and in
// the app alike) and the feed of each tag (linked from the tag page, named in its head, served).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage, waitForArticle } from './site.mjs';

const site = useSite();
const { manifest } = site;
const posts = manifest.posts;

/** The Read next links of the page: path and title, in order, and each date. */
async function readNext(page) {
  return page.$$eval('[data-testid="read-next"] li', (items) =>
    items.map((li) => ({
      path: new URL(li.querySelector('a').href).pathname,
      title: li.querySelector('a').textContent.trim(),
      date: li.querySelector('time')?.getAttribute('datetime'),
    })),
  );
}

/** What the manifest says the Read next of `post` is. */
function expected(post) {
  return post.related.map((i) => ({
    path: site.path(`/posts/${posts[i].slug}`),
    title: posts[i].title,
    date: posts[i].date,
  }));
}

test('every post has three related posts in the manifest, never itself', () => {
  for (const [i, post] of posts.entries()) {
    assert.equal(post.related?.length, 3, post.slug);
    assert.ok(!post.related.includes(i), post.slug);
    assert.ok(post.related.every((j) => j < posts.length), post.slug);
  }
});

test('an article ends with Read next: three links with title and date, as the manifest chose', async () => {
  const first = posts[1];
  await withPage(site, async (page) => {
    // The prerendered page, before the app runs...
    await page.open(`/posts/${first.slug}`, { live: false });
    assert.equal((await page.textContent('[data-testid="read-next"] h2')).trim(), 'Read next');
    assert.deepEqual(await readNext(page), expected(first));
    // ...and once the app owns it: the same section.
    await page.wake();
    assert.deepEqual(await readNext(page), expected(first));

    // Followed in the app, the next article has its own.
    const next = posts[first.related[0]];
    await page.click(`[data-testid="read-next"] a[href$="/posts/${next.slug}"]`);
    await page.waitForFunction((t) => document.querySelector('article h1')?.textContent === t, next.title);
    await waitForArticle(page);
    assert.equal(new URL(page.url()).pathname, site.path(`/posts/${next.slug}`));
    assert.deepEqual(await readNext(page), expected(next));
  });
});

test('a tag page links its feed, names it in its head, and the feed holds the tag’s posts', async () => {
  const post = posts.find((p) => p.tags.length > 0);
  await withPage(site, async (page) => {
    await page.open(`/posts/${post.slug}`);
    const tagPath = new URL(await page.getAttribute('[data-testid="tag-link"]', 'href', { timeout: 5000 }), site.url()).pathname;
    const feedPath = `${tagPath}/atom.xml`;

    await page.open(tagPath.slice(site.path('/').length - 1));
    // The visible link, under the post count.
    const visible = await page.$eval('main [data-testid="tag-feed"]', (a) => new URL(a.href).pathname);
    assert.equal(visible, feedPath);
    const inHead = await page.$$eval('head link[rel="alternate"][type="application/atom+xml"]', (links) =>
      links.map((l) => new URL(l.href).pathname),
    );
    assert.ok(inHead.includes(feedPath), `${inHead} names ${feedPath}`);

    const response = await page.request.get(new URL(feedPath, site.url()).href);
    assert.equal(response.status(), 200, feedPath);
    assert.match(response.headers()['content-type'] ?? '', /xml/);
    const xml = await response.text();
    const ids = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      return [...doc.querySelectorAll('entry > id')].map((e) => e.textContent);
    }, xml);
    // Exactly the tag's posts (as its page lists them), newest first, absolute under the base URL.
    const listed = await page.$$eval('main [data-testid="post-link"]', (as) => as.map((a) => new URL(a.href).pathname));
    const limit = 20;
    assert.deepEqual(
      ids,
      listed.slice(0, limit).map((path) => new URL(path.slice(site.path('/').length), manifest.site.base_url).href),
    );
  });
});
