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

test('code blocks are highlighted at build time, text intact, in the colours of the theme', async () => {
  const fence = /^```(rust|java|ya?ml|sh|bash)[^\n]*\n([\s\S]*?)^```/m;
  const post = manifest.posts.find((p) => fence.test(readDist(`posts/${p.slug}.md`)));
  assert.ok(post, 'the sample content has a code block in a highlighted language');
  const [, lang, source] = readDist(`posts/${post.slug}.md`).match(fence);
  assert.match(readDist(`bodies/${post.slug}.html`), /<pre tabindex="0"><code class="language-[^"]+">[^]*?<span class="hl-/);
  const colours = {};
  for (const scheme of ['light', 'dark']) {
    await withPage(
      site,
      async (page) => {
        await page.open(`/posts/${post.slug}`);
        await waitForArticle(page);
        const code = page.locator(`[data-testid="article-body"] pre code.language-${lang}`).first();
        assert.equal(await code.textContent(), source, `${post.slug}: the code reads as written`);
        const token = code.locator('span[class^="hl-"]').first();
        colours[scheme] = await token.evaluate((el) => [
          getComputedStyle(el).color,
          getComputedStyle(el.closest('code')).color,
        ]);
        assert.notEqual(colours[scheme][0], colours[scheme][1], `${scheme}: the token has its own colour`);
      },
      { context: { colorScheme: scheme } },
    );
  }
  assert.notEqual(colours.light[0], colours.dark[0], 'token colours follow the theme');
});

test('post bodies are built without script or event handlers, and none run in the page', async () => {
  // The pipeline sanitises raw HTML at build time (tests/web_markdown.rs checks its output in a
  // browser against real attacks); the app injects the built HTML as is, so check what it ships.
  for (const post of manifest.posts) {
    const html = readDist(`bodies/${post.slug}.html`);
    assert.doesNotMatch(html, /<script|<iframe|<object|<embed/i, `${post.slug}: active element`);
    assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i, `${post.slug}: event handler attribute`);
    assert.doesNotMatch(html, /(href|src)\s*=\s*"\s*javascript:/i, `${post.slug}: javascript: URL`);
  }
  await withPage(site, async (page) => {
    await page.open(`/posts/${manifest.posts[0].slug}`);
    await waitForArticle(page);
    const body = page.locator('[data-testid="article-body"]');
    assert.equal(await body.locator('script').count(), 0, 'a script element in the article body');
    const handlers = await body.evaluate((el) =>
      [...el.querySelectorAll('*')].flatMap((e) =>
        [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${e.localName} ${a.name}>`),
      ),
    );
    assert.deepEqual(handlers, [], 'event handler attributes in the article body');
  });
});

// In-page navigation: the table of contents, heading anchors, footnotes and deep links. The page
// has a <base href>, so these links are spelled out as the article's path plus the fragment.

/** The first post whose built body starts with a table of contents. */
function postWithToc() {
  const post = manifest.posts.find((p) => readDist(`bodies/${p.slug}.html`).startsWith('<nav class="toc"'));
  assert.ok(post, 'the sample content has a post with a table of contents');
  return post;
}

/** Where the element with this id is relative to the viewport. */
function placeOf(page, id) {
  return page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight, scrollY };
  }, id);
}

async function waitInView(page, id) {
  await page.waitForFunction((id) => {
    const r = document.getElementById(id)?.getBoundingClientRect();
    return r && r.top >= -1 && r.bottom <= innerHeight;
  }, id);
}

/** Clicks `link` (an in-page link) and checks the SPA moved to its target: same path, no reload. */
async function followInPageLink(page, link, articlePath) {
  const href = await link.getAttribute('href');
  assert.ok(href.startsWith(`${articlePath}#`), `${href} is spelled out as the article's path`);
  const id = decodeURIComponent(href.slice(href.indexOf('#') + 1));
  const before = await placeOf(page, id);
  assert.ok(before.top > before.height, `#${id} starts out of view: ${JSON.stringify(before)}`);
  await page.evaluate(() => (window.__samePage = true));
  await link.click();
  await page.waitForFunction((hash) => location.hash === hash, href.slice(href.indexOf('#')));
  await waitInView(page, id);
  const url = new URL(page.url());
  assert.equal(url.pathname, articlePath);
  assert.equal(await page.evaluate(() => window.__samePage), true, 'the page was not reloaded');
  return id;
}

test('table of contents links scroll to their heading and put #id in the URL', async () => {
  const post = postWithToc();
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.open(`/posts/${post.slug}`);
    await waitForArticle(page);
    const links = page.locator('[data-testid="article-body"] nav.toc a');
    assert.ok((await links.count()) >= 3, 'at least three entries');
    const id = await followInPageLink(page, links.last(), site.path(`/posts/${post.slug}`));
    assert.match(await page.locator(`[id="${id}"]`).evaluate((h) => h.localName), /^h[1-6]$/);
  });
});

test('a heading anchor links to its own heading', async () => {
  const post = postWithToc();
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.open(`/posts/${post.slug}`);
    await waitForArticle(page);
    const heading = page.locator('[data-testid="article-body"] :is(h2, h3)[id]').last();
    const anchor = heading.locator('a.heading-anchor');
    assert.match(await anchor.getAttribute('aria-label'), /^Link to this section: \S/);
    await anchor.focus();
    assert.equal(await anchor.evaluate((a) => getComputedStyle(a).opacity), '1', 'visible when focused');
    await page.evaluate(() => {
      document.activeElement.blur();
      scrollTo(0, 0);
    });
    const id = await followInPageLink(page, anchor, site.path(`/posts/${post.slug}`));
    assert.equal(id, await heading.getAttribute('id'));
  });
});

test('a footnote reference scrolls to its note', async () => {
  const [slug] = [...postsShowingFeatures()].find(([, features]) => features.includes('footnote'));
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 1000, height: 400 });
    await page.open(`/posts/${slug}`);
    await waitForArticle(page);
    const reference = page.locator('[data-testid="article-body"] sup.footnote-reference a').first();
    const id = await followInPageLink(page, reference, site.path(`/posts/${slug}`));
    assert.equal(await page.locator(`[id="${id}"]`).getAttribute('class'), 'footnote-definition');
  });
});

test('a deep link to a section scrolls to it once the body is in', async () => {
  const post = postWithToc();
  const html = readDist(`bodies/${post.slug}.html`);
  const ids = [...html.slice(0, html.indexOf('</nav>')).matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  const id = ids.at(-1);
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.open(`/posts/${post.slug}#${id}`);
    await waitForArticle(page);
    await waitInView(page, decodeURIComponent(id));
    const place = await placeOf(page, decodeURIComponent(id));
    assert.ok(place.scrollY > 0, `scrolled: ${JSON.stringify(place)}`);
    assert.equal(new URL(page.url()).hash, `#${id}`);
  });
});

test('while the manifest is on its way the prerendered page is shown, then the app takes over', async () => {
  await withPage(site, async (page) => {
    let release;
    const held = new Promise((ok) => {
      release = ok;
    });
    await page.route('**/manifest.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.open('/', { live: false });
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('[data-testid="loading"]').count(), 0, 'no loading state replaces the page');
    assert.equal(await page.locator('[data-folio-root="prerendered"] section[data-testid="all-writing"]').count(), 1);
    release();
    await page.wake();
    await waitForHome(page);
  });
});
