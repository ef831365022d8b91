// Article rendering, raw HTML safety, and the loading / error states around the manifest.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage, readDist, waitForHome, waitForArticle } from './site.mjs';

const site = useSite();
const { manifest } = site;

/** The first post whose Markdown has a table, a footnote and a fenced code block. */
function richPost() {
  return manifest.posts.find((p) => {
    const md = readDist(`posts/${p.slug}.md`);
    return /^\s*\|?\s*:?-{3,}:?\s*\|/m.test(md) && /^\[\^[^\]]+\]:/m.test(md) && /^\s*(```|~~~)/m.test(md);
  });
}

test('an article with a table, a footnote and a code block renders all three', async () => {
  const post = richPost();
  assert.ok(post, 'the sample content has a post with a table, a footnote and a code block');
  await withPage(site, async (page) => {
    await page.open(`/posts/${post.slug}`);
    await waitForArticle(page);
    const body = page.locator('[data-testid="article-body"]');
    assert.ok((await body.locator('table').count()) >= 1, 'a table');
    assert.ok((await body.locator('table th, table td').count()) >= 2, 'table cells');
    assert.ok((await body.locator('.footnote-definition').count()) >= 1, 'a footnote definition');
    assert.ok((await body.locator('pre code').count()) >= 1, 'a code block');
    assert.ok((await body.locator('pre code').first().textContent()).trim().length > 0, 'code in the code block');
  });
});

test('raw HTML in a post is shown as text and never runs', async () => {
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
  await withPage(site, async (page) => {
    await page.route(`**/posts/${post.slug}.md`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: markdown }),
    );
    await page.open(`/posts/${post.slug}`);
    await waitForArticle(page);
    await page.waitForFunction(() => document.querySelector('[data-testid="article-body"]')?.textContent.includes('The end'));
    await page.waitForTimeout(300); // time for an onerror handler to fire, were there one
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'injected script ran');
    const body = page.locator('[data-testid="article-body"]');
    assert.equal(await body.locator('script').count(), 0, 'a script element in the article body');
    assert.equal(await body.locator('img').count(), 0, 'an injected img element in the article body');
    const text = (await body.textContent()).replace(/[\u201c\u201d]/g, '"');
    assert.ok(text.includes('<script>window.__pwned=1</script>'), `script shown as text: ${text}`);
    assert.ok(text.includes('<img src=x onerror="window.__pwned=2">'), `img shown as text: ${text}`);
  });
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
