// Publishing: the feeds (autodiscovery and the home page link), sitemap.xml and robots.txt, old
// URLs redirecting to their posts, per-route canonical / OpenGraph / Twitter tags, and the
// mailing-list signup form. Run at / and, by scripts/test, again under /blog/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage, waitForHome, waitForArticle } from './site.mjs';

const site = useSite();
const { manifest } = site;
const BASE_URL = manifest.site.base_url;

// The sample content's one alias (content/posts/how-does-the-default-hashcode-work.md).
const ALIAS = { path: '/2017/03/default-hashcode/', slug: 'how-does-the-default-hashcode-work' };

/** The text of every `<tag>` element in an XML document (the feeds and sitemap are flat). */
function texts(xml, tag) {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
}

/** GETs an absolute URL through the page's context; asserts 200 and an XML content type. */
async function getXml(page, url) {
  const response = await page.request.get(url);
  assert.equal(response.status(), 200, url);
  assert.match(response.headers()['content-type'] ?? '', /xml/, `${url} content type`);
  const body = await response.text();
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return doc.querySelector('parsererror')?.textContent ?? doc.documentElement.localName;
  }, body);
  return { body, root: parsed };
}

test('the site has a base URL, and the build wrote its feeds', () => {
  assert.match(BASE_URL, /^https?:\/\/[^/]+\/(.+\/)?$/, 'manifest.site.base_url');
  assert.equal(new URL(BASE_URL).pathname, site.path('/'), 'the base URL carries the base path');
  assert.equal(manifest.site.feed_url, 'atom.xml');
});

test('the page head names the Atom and RSS feeds; both resolve under the base path', async () => {
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    const feeds = await page.$$eval('head link[rel="alternate"]', (links) =>
      links.map((l) => ({ type: l.type, href: l.href, title: l.title })),
    );
    assert.deepEqual(
      feeds.map((f) => [f.type, new URL(f.href).pathname]),
      [
        ['application/atom+xml', site.path('/atom.xml')],
        ['application/rss+xml', site.path('/rss.xml')],
      ],
    );
    const atom = await getXml(page, feeds[0].href);
    assert.equal(atom.root, 'feed');
    const rss = await getXml(page, feeds[1].href);
    assert.equal(rss.root, 'rss');

    // Newest first, every link absolute under the base URL.
    const expected = manifest.posts.slice(0, 20).map((p) => `${BASE_URL}posts/${p.slug}`);
    assert.deepEqual(texts(atom.body, 'id').slice(1), expected, 'Atom entry ids');
    assert.deepEqual(texts(rss.body, 'link').slice(1), expected, 'RSS item links');
    for (const href of atom.body.matchAll(/href="([^"]+)"/g)) {
      assert.ok(href[1].startsWith(BASE_URL), `absolute under the base URL: ${href[1]}`);
    }
  });
});

test('the home page feed link opens the feed', async () => {
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    const link = page.locator('[data-testid="subscribe"] a[data-testid="rss-link"]');
    const [response] = await Promise.all([page.waitForNavigation(), link.click()]);
    assert.equal(response.status(), 200);
    assert.equal(new URL(response.url()).pathname, site.path('/atom.xml'));
    assert.match(response.headers()['content-type'], /xml/);
  });
});

test('robots.txt names the sitemap, which lists every page by absolute URL', async () => {
  await withPage(site, async (page) => {
    const robots = await page.request.get(site.url('/robots.txt'));
    assert.equal(robots.status(), 200);
    assert.match(await robots.text(), new RegExp(`^Sitemap: ${BASE_URL.replace(/[.]/g, '\\.')}sitemap\\.xml$`, 'm'));

    const { body, root } = await getXml(page, site.url('/sitemap.xml'));
    assert.equal(root, 'urlset');
    const locs = texts(body, 'loc');
    for (const post of manifest.posts) {
      assert.ok(locs.includes(`${BASE_URL}posts/${post.slug}`), `sitemap lists ${post.slug}`);
    }
    assert.equal(locs[0], BASE_URL);

    // Each of them, served here, is a page of the app (not "page not found").
    await page.open('/');
    await waitForHome(page);
    for (const loc of locs) {
      assert.ok(loc.startsWith(BASE_URL), loc);
      const path = `/${loc.slice(BASE_URL.length)}`;
      await page.open(path);
      await page.waitForSelector('main#main h1');
      const notFound = await page.locator('[data-testid="not-found"]').count();
      assert.equal(notFound, 0, `${loc} is a page of the site`);
    }
  });
});

test('an old URL (alias) lands on its post, with or without the trailing slash', async () => {
  const post = manifest.posts.find((p) => p.slug === ALIAS.slug);
  assert.ok(post, `the sample content has ${ALIAS.slug}`);
  // The post's address is a deep link into the app, which this server (like GitHub Pages)
  // answers with 404.html and status 404; Chromium logs that status, and only that is expected.
  const postUrl = site.url(`/posts/${post.slug}`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const allow = [new RegExp(`Failed to load resource: .* 404 .* @ ${postUrl}$`)];
  for (const alias of [ALIAS.path, ALIAS.path.replace(/\/$/, '')]) {
    await withPage(site, async (page) => {
      const response = await page.goto(site.url(alias));
      assert.equal(response.status(), 200, 'the redirect page is a real file');
      await page.waitForURL((url) => url.pathname === site.path(`/posts/${post.slug}`));
      await waitForArticle(page);
      assert.equal((await page.textContent('article[data-testid="article"] h1')).trim(), post.title);
    }, { allow });
  }
});

/** The head's canonical URL and OpenGraph / Twitter values, once they match the route. */
async function headMeta(page, canonical) {
  if (canonical) {
    await page.waitForFunction((c) => document.querySelector('link[rel="canonical"]')?.href === c, canonical);
  }
  return page.evaluate(() => {
    const meta = (attr, name) =>
      [...document.head.querySelectorAll(`meta[${attr}="${name}"]`)].map((m) => m.content);
    return {
      canonical: [...document.head.querySelectorAll('link[rel="canonical"]')].map((l) => l.href),
      description: meta('name', 'description'),
      robots: meta('name', 'robots'),
      ogType: meta('property', 'og:type'),
      ogTitle: meta('property', 'og:title'),
      ogUrl: meta('property', 'og:url'),
      ogDescription: meta('property', 'og:description'),
      ogSiteName: meta('property', 'og:site_name'),
      published: meta('property', 'article:published_time'),
      twitterCard: meta('name', 'twitter:card'),
      twitterTitle: meta('name', 'twitter:title'),
    };
  });
}

test('canonical, OpenGraph and Twitter tags follow the route, one set at a time', async () => {
  const post = manifest.posts.find((p) => p.summary && p.tags.length > 0);
  const tag = post.tags[0];
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    const home = await headMeta(page, BASE_URL);
    assert.deepEqual(home.canonical, [BASE_URL]);
    assert.deepEqual(home.ogUrl, [BASE_URL]);
    assert.deepEqual(home.ogType, ['website']);
    assert.deepEqual(home.ogTitle, [site.author]);
    assert.deepEqual(home.ogSiteName, [site.author]);
    assert.deepEqual(home.twitterCard, ['summary']);
    assert.equal(home.description.length, 1);
    assert.deepEqual(home.ogDescription, home.description);

    // Client-side navigation to the post: its tags replace the home page's.
    await page.locator(`a[data-testid="post-link"][href$="/posts/${post.slug}"]`).first().click();
    await waitForArticle(page);
    const postUrl = `${BASE_URL}posts/${post.slug}`;
    const article = await headMeta(page, postUrl);
    assert.deepEqual(article.canonical, [postUrl], 'exactly one canonical link');
    assert.deepEqual(article.ogUrl, [postUrl]);
    assert.deepEqual(article.ogType, ['article']);
    assert.deepEqual(article.ogTitle, [post.title]);
    assert.deepEqual(article.twitterTitle, [post.title]);
    assert.deepEqual(article.description, [post.summary]);
    assert.deepEqual(article.ogDescription, [post.summary]);
    assert.deepEqual(article.published, [post.date]);

    await page.click(`a[data-testid="tag-link"][href$="/tags/${encodeURIComponent(tag)}"]`);
    const tagUrl = `${BASE_URL}tags/${encodeURIComponent(tag)}`;
    const tagMeta = await headMeta(page, tagUrl);
    assert.deepEqual(tagMeta.canonical, [tagUrl]);
    assert.deepEqual(tagMeta.ogType, ['website']);
    assert.deepEqual(tagMeta.published, [], 'no article tags left behind');

    // A deep link sets them too; not found has no canonical URL and asks not to be indexed.
    await page.open(`/posts/${post.slug}`);
    await waitForArticle(page);
    assert.deepEqual((await headMeta(page, postUrl)).canonical, [postUrl]);
    await page.open('/nope/x');
    await page.waitForSelector('[data-testid="not-found"]');
    await page.waitForFunction(() => document.querySelector('meta[name="robots"]')?.content === 'noindex');
    const missing = await headMeta(page, null);
    assert.deepEqual(missing.canonical, []);
    assert.deepEqual(missing.ogUrl, []);
  });
});

/** Checks the signup form inside `scope` against the site file's [mailing_list]. */
async function expectSignupForm(scope) {
  const list = manifest.site.mailing_list;
  const form = scope.locator('form[data-testid="subscribe-form"]');
  assert.equal(await form.count(), 1, 'one signup form');
  assert.equal(await form.getAttribute('action'), list.action);
  assert.equal(await form.getAttribute('method'), list.method);
  const email = form.locator('input[type="email"]');
  assert.equal(await email.getAttribute('name'), list.email_field);
  assert.equal(await email.getAttribute('required'), '', 'the email is required');
  assert.match(await form.locator('label').textContent(), new RegExp(list.label));
  assert.equal((await form.locator('button[type="submit"]').textContent()).trim(), list.button);
  // An empty address does not submit (nothing leaves this machine in the test).
  assert.equal(await form.evaluate((f) => f.checkValidity()), false);
  const feed = await scope.locator('a[data-testid="rss-link"]').evaluate((a) => a.href);
  assert.equal(new URL(feed).pathname, site.path('/atom.xml'));
}

test('the signup form and feed link are on the home page and after each article', async () => {
  assert.ok(manifest.site.mailing_list?.action, 'the sample site file configures a form');
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    await expectSignupForm(page.locator('[data-testid="subscribe"]'));

    const post = manifest.posts[2];
    await page.open(`/posts/${post.slug}`);
    await waitForArticle(page);
    const after = page.locator('article[data-testid="article"] ~ [data-testid="subscribe"]');
    await expectSignupForm(after);
  });
});
