// Article rendering, raw HTML safety, and the loading / error states around the manifest.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage, readDist, waitForHome, waitForArticle } from './site.mjs';

const site = useSite();
const { manifest } = site;

// What each rendered feature looks like in the Markdown, and in the article body.
const FEATURES = {
  table: { markdown: /^\s*\|?\s*:?-{3,}:?\s*\|/m, selector: 'table th, table td', min: 2 },
  footnote: { markdown: /^\[\^[^\]]+\]:/m, selector: '.footnote-definition', min: 1 },
  'code block': { markdown: /^\s*(```|~~~)/m, selector: 'pre code', min: 1 },
};

/** For each feature, a post that uses it: one post for all three when the content has one. */
function postsShowingFeatures() {
  const has = (post, f) => FEATURES[f].markdown.test(readDist(`posts/${post.slug}.md`));
  const names = Object.keys(FEATURES);
  const all = manifest.posts.find((p) => names.every((f) => has(p, f)));
  const bySlug = new Map();
  for (const f of names) {
    const post = all ?? manifest.posts.find((p) => has(p, f));
    assert.ok(post, `the sample content has a post with a ${f}`);
    bySlug.set(post.slug, [...(bySlug.get(post.slug) ?? []), f]);
  }
  return bySlug;
}

test('articles render tables, footnotes and code blocks', async () => {
  for (const [slug, features] of postsShowingFeatures()) {
    await withPage(site, async (page) => {
      await page.open(`/posts/${slug}`);
      await waitForArticle(page);
      const body = page.locator('[data-testid="article-body"]');
      for (const f of features) {
        const { selector, min } = FEATURES[f];
        const found = await body.locator(selector).count();
        assert.ok(found >= min, `${slug}: ${f} (${selector}) rendered ${found} times`);
        const text = (await body.locator(selector).first().textContent()).trim();
        assert.ok(text.length > 0, `${slug}: ${f} has text`);
      }
    });
  }
});

test('raw HTML in a post never runs: no script, no event handler', async () => {
  const post = manifest.posts[0];
  const markdown = [
    '# Injected',
    '',
    'Inline <script>window.__pwned=1</script> script.',
    '',
    '<script>window.__pwned=1</script>',
    '',
    '<img src=x onerror="window.__pwned=2">',
    '',
    'The end.',
    '',
  ].join('\n');
  await withPage(
    site,
    async (page) => {
      await page.route(`**/posts/${post.slug}.md`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: markdown }),
      );
      await page.open(`/posts/${post.slug}`);
      await waitForArticle(page);
      await page.waitForFunction(() => document.querySelector('[data-testid="article-body"]')?.textContent.includes('The end'));
      await page.waitForTimeout(500); // time for an onerror handler to fire, were there one
      assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'injected script ran');
      const body = page.locator('[data-testid="article-body"]');
      assert.equal(await body.locator('script').count(), 0, 'a script element in the article body');
      const handlers = await body.evaluate((el) =>
        [...el.querySelectorAll('*')].flatMap((e) =>
          [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${e.localName} ${a.name}>`),
        ),
      );
      assert.deepEqual(handlers, [], 'event handler attributes in the article body');
      // The Markdown around the raw HTML is still there. The raw HTML itself may be shown as text
      // or sanitised (script dropped, img kept without its handler): both are safe.
      assert.match(await body.textContent(), /Inline\b[\s\S]*\bscript\.[\s\S]*The end\./);
    },
    // A sanitised <img src=x> is kept and asks for "x", which the site does not have.
    { allow: [/Failed to load resource: .* 404 .* @ https?:\/\/[^ ]*\/x$/] },
  );
});

test('a loading state shows while the manifest is on its way', async () => {
  await withPage(site, async (page) => {
    let release;
    const held = new Promise((ok) => {
      release = ok;
    });
    await page.route('**/manifest.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.open('/');
    await page.waitForSelector('[data-testid="loading"]');
    release();
    await waitForHome(page);
    assert.equal(await page.locator('[data-testid="loading"]').count(), 0, 'loading state left behind');
  });
});

for (const [name, reply, allow] of [
  ['is not JSON', { status: 200, contentType: 'application/json', body: '{"site": {"author": ' }, []],
  [
    'fails with status 500',
    { status: 500, contentType: 'text/plain', body: 'boom' },
    [/Failed to load resource: the server responded with a status of 500 .*manifest\.json/],
  ],
]) {
  test(`a manifest that ${name} shows an error and a retry button that recovers`, async () => {
    await withPage(
      site,
      async (page) => {
        await page.route('**/manifest.json', (route) => route.fulfill(reply));
        await page.open('/');
        const error = page.locator('[data-testid="error"]');
        await error.waitFor();
        assert.ok((await error.textContent()).trim().length > 0, 'an error message');
        assert.equal(await page.locator('section[data-testid="all-writing"]').count(), 0);
        await page.unroute('**/manifest.json');
        await page.click('[data-testid="error"] button[data-testid="retry"]');
        await waitForHome(page);
        assert.equal((await page.textContent('main#main h1')).trim(), site.author);
        assert.equal(await page.locator('[data-testid="error"]').count(), 0, 'error left behind');
      },
      { allow },
    );
  });
}
