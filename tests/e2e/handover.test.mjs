// The hand-over from a prerendered page to the app (src/takeover.rs) on every kind of static
// host and with faults injected: the reader always sees the page the address names, never
// another page's content, and nothing they typed or opened is lost.
//
// Each test serves the built site (FOLIO_DIST) or a small fixture site of its own through
// tests/e2e/server.mjs in one of its host modes ('html': x.html, 'folder': x/index.html only,
// 'spa': unknown paths answered with index.html) and with faults (missing, corrupt, slow files).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, BASE_PATH, useSite, withPage, folioBuild } from './site.mjs';
import { startServer } from './server.mjs';

const site = useSite();
const posts = site.manifest.posts;
const servers = [];

/** A site object for `withPage` on a server of its own. */
async function serve(root, options = {}) {
  const server = await startServer({ root, basePath: BASE_PATH, ...options });
  servers.push(server);
  const other = { ...site, server };
  other.url = (path = '/') => new URL(path.replace(/^\/+/, ''), server.url).href;
  other.path = (path) => new URL(other.url(path)).pathname;
  return other;
}

after(async () => {
  for (const server of servers) await server.close();
  if (fixture.dir) rmSync(fixture.dir, { recursive: true, force: true });
});

// A site without tags whose one post has a heading "App" and raw HTML with the ids the app's
// own elements once had: the app must find its own elements all the same.
const fixture = { dir: null, root: null };
const TRAP = { slug: 'the-app-heading', title: 'An App heading in the post' };
before(() => {
  fixture.dir = mkdtempSync(join(tmpdir(), 'folio-handover-'));
  const content = join(fixture.dir, 'content');
  const built = join(fixture.dir, 'built');
  fixture.root = join(fixture.dir, 'site');
  mkdirSync(join(content, 'posts'), { recursive: true });
  writeFileSync(join(content, 'site.toml'), 'author = "Fixture Author"\ntagline = "A site without tags"\nbio = "Sample bio."\n');
  writeFileSync(
    join(content, 'posts', `${TRAP.slug}.md`),
    `---\ntitle: "${TRAP.title}"\ndate: 2024-03-01\n---\nSample text.\n\n# App\n\nA heading named App.\n\n<div id="app">raw div with id app</div>\n\n<div id="prerendered">and one with id prerendered</div>\n\n<details><summary>More</summary>Hidden until opened.</details>\n`,
  );
  writeFileSync(join(content, 'posts', 'second.md'), '---\ntitle: "A second post"\ndate: 2024-02-01\n---\nSample text about heaps and pauses.\n');
  cpSync(DIST, fixture.root, { recursive: true });
  folioBuild('--content', content, '--out', built, '--base-path', BASE_PATH);
  // The sample site's pages go: only the fixture's remain.
  for (const dir of ['posts', 'tags', 'bodies', 'search']) rmSync(join(fixture.root, dir), { recursive: true, force: true });
  cpSync(built, fixture.root, { recursive: true });
  folioBuild('--prerender', fixture.root);
});

/**
 * Records, on every animation frame from the first, the text of each visible `main h1`: the
 * page the reader saw, frame by frame.
 */
const RECORD_HEADINGS = () => {
  window.__headings = [];
  const sample = () => {
    for (const h1 of document.querySelectorAll('main h1')) {
      const style = getComputedStyle(h1);
      const hidden = style.visibility === 'hidden' || h1.closest('[hidden]') || style.display === 'none';
      const text = h1.textContent.trim();
      if (!hidden && window.__headings.at(-1) !== text) window.__headings.push(text);
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
};

const visibleHeading = (page) =>
  page.evaluate(() => {
    for (const h1 of document.querySelectorAll('main h1')) {
      if (!h1.closest('[hidden]') && getComputedStyle(h1).visibility !== 'hidden') return h1.textContent.trim();
    }
    return null;
  });

test('a post with a heading "App" and raw id="app" does not blank the site at the first key; a site without tags keeps typed text', async () => {
  const trap = await serve(fixture.root);
  await withPage(trap, async (page) => {
    await page.open(`/posts/${TRAP.slug}`, { live: false });
    await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
    await page.keyboard.press('Shift');
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
    assert.equal(await visibleHeading(page), TRAP.title, 'the article is shown after the first key');
    assert.ok(await page.isVisible('text=raw div with id app'), 'the post body is shown');
  });
  await withPage(trap, async (page) => {
    await page.open('/', { live: false });
    await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
    await page.click('input[type="search"]');
    await page.keyboard.type('heaps');
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
    await page.waitForFunction(() => document.activeElement?.type === 'search');
    assert.equal(await page.$eval('input[type="search"]', (i) => i.value), 'heaps', 'the typed text is kept');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] a[data-result]').length > 0);
  });
});

test('open <details> and a text selection survive the hand-over', async () => {
  const trap = await serve(fixture.root);
  await withPage(trap, async (page) => {
    await page.open(`/posts/${TRAP.slug}`, { live: false });
    await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
    await page.evaluate(() => {
      document.querySelector('details').open = true;
      const text = [...document.querySelectorAll('main p')].find((p) => p.textContent.includes('A heading named App')).firstChild;
      const range = document.createRange();
      range.setStart(text, 2);
      range.setEnd(text, 9);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await page.keyboard.press('Shift');
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
    assert.equal(await page.$eval('main details', (d) => d.open), true, 'the details stay open');
    assert.equal(await page.evaluate(() => getSelection().toString()), 'heading', 'the selection is kept');
  });
});

for (const mode of ['html', 'folder', 'spa']) {
  test(`host mode ${mode}: every route shows its own page from the first frame, and the first key and typed text work`, async () => {
    const host = await serve(DIST, { mode });
    const post = posts[0];
    const routes = [
      ['/', site.author],
      [`/posts/${post.slug}`, post.title],
      ['/archive', 'Archive'],
      ['/tags', 'Tags'],
    ];
    for (const [path, heading] of routes) {
      await withPage(
        host,
        async (page) => {
          await page.addInitScript(RECORD_HEADINGS);
          await page.open(path, { live: false });
          await page.waitForFunction((h) => window.__headings?.includes(h), heading);
          const seen = await page.evaluate(() => window.__headings);
          assert.deepEqual(seen.filter((h) => h !== heading), [], `${mode} ${path}: another page showed (${seen.join(' | ')})`);
          // The first key: `/` focuses the search box; typing searches.
          await page.waitForSelector('html[data-app="ready"], html[data-app="live"]', { state: 'attached' });
          await page.keyboard.press('/');
          await page.waitForFunction(() => document.activeElement?.type === 'search');
          await page.keyboard.type('jvm');
          await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] a[data-result]').length > 0);
          assert.equal(await page.$eval('input[type="search"]', (i) => i.value), 'jvm');
        },
        { allow: [/status of 404/] },
      );
    }
  });
}

test('a missing or invalid manifest leaves the prerendered page as it is, its links working', async () => {
  for (const fault of [{ status: 404 }, { status: 500 }, { body: '{"posts": [not json' }]) {
    const broken = await serve(DIST, { fault: (path) => (path === '/manifest.json' ? fault : null) });
    await withPage(
      broken,
      async (page) => {
        const post = posts[0];
        await page.open(`/posts/${post.slug}`, { live: false });
        await page.waitForSelector('html[data-app="failed"]', { state: 'attached' });
        await page.keyboard.press('Shift');
        await page.click('body');
        assert.equal(await visibleHeading(page), post.title);
        assert.equal(await page.locator('[data-testid="error"]').count(), 0, 'no error box replaces the page');
        assert.ok((await page.textContent('[data-testid="article-body"]')).trim().length > 0, 'the body is still there');
        // Its links are ordinary links: the archive loads as a page.
        await page.click('a[href$="/archive"]');
        await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Archive');
      },
      { allow: [/manifest\.json/, /status of (404|500)/] },
    );
  }
});

test("a post whose body file is missing keeps its prerendered body when the app takes over", async () => {
  const post = posts[0];
  const broken = await serve(DIST, { fault: (path) => (path.startsWith('/bodies/') ? { status: 404 } : null) });
  await withPage(broken, async (page) => {
    await page.open(`/posts/${post.slug}`);
    assert.equal(await visibleHeading(page), post.title);
    assert.equal(await page.locator('[data-testid="error"]').count(), 0);
    assert.ok((await page.textContent('[data-testid="article-body"]')).trim().length > 0);
  });
});

test('a truncated search index: the search box says search is unavailable, the page stays', async () => {
  const broken = await serve(DIST, { fault: (path) => (path.startsWith('/search/') ? { truncate: true } : null) });
  await withPage(
    broken,
    async (page) => {
      await page.open('/archive');
      await page.click('input[type="search"]');
      await page.keyboard.type('jvm');
      await page.waitForFunction(() => /Search is unavailable/.test(document.querySelector('[data-testid="search-status"]')?.textContent ?? ''));
      assert.ok(await page.isVisible('[data-testid="search-retry"]'), 'a retry is offered');
      assert.equal(await page.locator('[data-testid="error"]').count(), 0, 'the page itself is not replaced');
    },
    { allow: [/search/] },
  );
});

test('with every request 2 s late, the prerendered page shows, and text typed before the app loaded is searched without another key', async () => {
  const slow = await serve(DIST, { delay: (path) => (/\.(wasm|js|json|bin)$/.test(path) && !path.endsWith('theme.js') ? 2000 : 0) });
  await withPage(slow, async (page) => {
    await page.goto(slow.url('/archive'), { waitUntil: 'domcontentloaded' });
    assert.equal(await visibleHeading(page), 'Archive');
    await page.click('input[type="search"]');
    await page.keyboard.type('jvm');
    assert.equal(await page.getAttribute('html', 'data-app'), null, 'typed before the app arrived');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] a[data-result]').length > 0, null, { timeout: 20_000 });
    assert.equal(await page.$eval('input[type="search"]', (i) => i.value), 'jvm');
  });
});

test('/search?q= shows the query in the box from the first paint and its results move nothing', async () => {
  await withPage(site, async (page) => {
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      document.addEventListener('DOMContentLoaded', () => {
        requestAnimationFrame(() => { window.__firstBox = document.querySelector('input[type="search"]')?.value; });
      });
    });
    await page.open('/search?q=jvm', { live: false });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] a[data-result]').length > 0);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__firstBox), 'jvm', 'the box held the query at the first frame');
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift <= 0.05, `layout shift ${shift}`);
  });
});

test('text composed with an input method (CJK) while the app takes over is kept and searched', async () => {
  await withPage(site, async (page) => {
    await page.open('/archive', { live: false });
    await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
    await page.click('input[type="search"]');
    // Composition starts right as the app wakes; the swap must not tear it apart.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ねこ', selectionStart: 2, selectionEnd: 2 });
    await page.waitForTimeout(200);
    await cdp.send('Input.insertText', { text: 'jvm' });
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
    await page.waitForFunction(() => document.activeElement?.type === 'search');
    assert.equal(await page.$eval('input[type="search"]', (i) => i.value), 'jvm');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-results"] a[data-result]').length > 0);
  });
});
