// Every address a static host answers for a page shows that page: the prerendered files' own
// names (`/posts/x.html`, `/tags.html`, `/index.html`), a folder's `index.html` and a trailing
// slash. The app reads them all as the page's one path (src/page_path.rs) and puts that in the
// address bar, keeping the query and the `#anchor`. A post whose slug has a dot
// (`/posts/Rust-1.75.0`), which hosts do not map to a `.html` file, is served from the folder the
// build also writes for it (src/prerender/mod.rs). A slug the manifest does not list is "not
// found" without a request for its body.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useSite, withPage, DIST, BASE_PATH, folioBuild } from './site.mjs';
import { startServer } from './server.mjs';

const site = useSite();
const posts = site.manifest.posts;
const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const NOT_FOUND = /not found/i;
const mainHeading = (page) => page.locator('main h1').first().textContent();

test('the .html, index.html and trailing-slash addresses of a page stay on that page, at its one path', async () => {
  const post = posts.find((p) => p.tags.length > 0);
  const tag = encodeURIComponent(post.tags[0]);
  const cases = [
    ['/index.html', '/'],
    [`/posts/${post.slug}.html`, `/posts/${post.slug}`],
    [`/posts/${post.slug}.html#main`, `/posts/${post.slug}`],
    [`/posts/${post.slug}/`, `/posts/${post.slug}`],
    ['/tags.html', '/tags'],
    ['/tags/', '/tags'],
    ['/tags/index.html', '/tags'],
    [`/tags/${tag}.html`, `/tags/${tag}`],
    ['/archive.html', '/archive'],
    ['/search.html', '/search'],
  ];
  for (const [address, path] of cases) {
    await withPage(site, async (page) => {
      const requested = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      const response = await page.open(address, { live: false });
      assert.equal(response.status(), 200, `${address} is served as a file`);
      await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
      const prerendered = await mainHeading(page);
      const hash = new URL(site.url(address)).hash;
      assert.equal(new URL(page.url()).pathname, site.path(path), `${address}: the address bar shows the page's path before the app wakes`);
      assert.equal(new URL(page.url()).hash, hash, `${address}: the #anchor is kept`);
      await page.wake();
      await page.waitForFunction(() => !document.querySelector('main .loading'));
      const shown = await mainHeading(page);
      assert.doesNotMatch(shown, NOT_FOUND, `${address} shows "${shown}"`);
      assert.equal(shown, prerendered, `${address}: the app shows the page that was served`);
      assert.equal(new URL(page.url()).pathname, site.path(path), `${address}: the address stays the page's path`);
      const canonical = await page.$eval('link[rel="canonical"]', (l) => new URL(l.href).pathname).catch(() => null);
      if (canonical !== null) assert.ok(decodeURIComponent(canonical).endsWith(decodeURIComponent(path)), `${address}: canonical ${canonical}`);
      assert.deepEqual(requested.filter((p) => p.endsWith('.html.html')), [], `${address}: no request for a doubled .html`);
    });
  }
});

test('a slug the manifest does not list is not found, without a request for its body', async () => {
  await withPage(site, async (page) => {
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const response = await page.open('/posts/nope');
    assert.equal(response.status(), 404);
    await page.waitForFunction(() => /not found/i.test(document.querySelector('main h1')?.textContent ?? ''));
    await page.waitForTimeout(300);
    assert.deepEqual(requested.filter((p) => p.includes('/bodies/')), [], 'no body was requested');
  });
});

// A site with a post and a tag whose names have a dot, built from the sample content plus that
// post: the app files come from the built site (FOLIO_DIST), the content and the prerendered
// pages from folio-build, as scripts/build does.
// (A tag's page is named by its slug, which has no dot: `v1.2` is `/tags/v1-2`.)
const DOTTED = { slug: 'release-1.2.3', title: 'Release 1.2.3 is out', tag: 'v1.2', tagPath: '/tags/v1-2' };
const fixture = { dir: null, server: null };

before(() => {
  fixture.dir = mkdtempSync(join(tmpdir(), 'folio-dotted-'));
  const content = join(fixture.dir, 'content');
  const built = join(fixture.dir, 'built');
  const out = join(fixture.dir, 'site');
  cpSync(join(repo, 'content'), content, { recursive: true });
  writeFileSync(
    join(content, 'posts', `${DOTTED.slug}.md`),
    `+++\ntitle = "${DOTTED.title}"\ndate = 2020-01-02\ntags = ["${DOTTED.tag}"]\n+++\nThe release notes, in a few words, long enough to be a body.\n\n## What changed\n\nEverything that mattered.\n`,
  );
  cpSync(DIST, out, { recursive: true });
  folioBuild('--content', content, '--out', built, '--base-path', BASE_PATH);
  cpSync(built, out, { recursive: true });
  folioBuild('--prerender', out);
});
after(async () => {
  await fixture.server?.close();
  if (fixture.dir) rmSync(fixture.dir, { recursive: true, force: true });
});

test('a post with a dot in its slug is served as a prerendered page at its path, and the app shows it', async () => {
  fixture.server = await startServer({ root: join(fixture.dir, 'site'), basePath: BASE_PATH });
  const dotted = { ...site, server: fixture.server };
  dotted.url = (path = '/') => new URL(path.replace(/^\/+/, ''), fixture.server.url).href;
  dotted.path = (path) => new URL(dotted.url(path)).pathname;
  const cases = [
    [`/posts/${DOTTED.slug}`, DOTTED.title],
    [`/posts/${DOTTED.slug}/`, DOTTED.title],
    [DOTTED.tagPath, null],
  ];
  for (const [address, title] of cases) {
    const path = address.replace(/\/$/, '');
    await withPage(
      dotted,
      async (page) => {
        const response = await page.open(address);
        assert.equal(response.status(), 200, `${address} is a file of its own`);
        const heading = await mainHeading(page);
        if (title) assert.equal(heading, title);
        else assert.ok((await page.locator('[data-testid="post-link"]').allTextContents()).includes(DOTTED.title));
      },
      { context: { javaScriptEnabled: false } },
    );
    await withPage(dotted, async (page) => {
      await page.open(address);
      await page.waitForFunction(() => !document.querySelector('main .loading'));
      assert.equal(new URL(page.url()).pathname, dotted.path(path), `${address}: the address is the page's path`);
      const heading = await mainHeading(page);
      if (title) {
        assert.equal(heading, title);
        await page.waitForSelector('[data-testid="article-body"] h2');
      } else {
        assert.ok((await page.locator('[data-testid="post-link"]').allTextContents()).includes(DOTTED.title));
      }
    });
  }
});
