// The dev server (scripts/dev/server.mjs) on a temporary copy of the sample content, with the
// app of the built site (FOLIO_DIST): an edit to a post shows in the open page without the test
// reloading it, and broken front matter shows an overlay naming the file, gone once fixed.
// Every page fails its test on a console error, so the dev script and overlay must pass the CSP.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, BASE_PATH, TIMEOUT, readDist } from './site.mjs';
import { launchBrowser, openPage } from './browser.mjs';
import { startDevServer } from '../../scripts/dev/server.mjs';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// The dev server always serves at /: once is enough (scripts/test runs the suite again under /blog/).
const skip = BASE_PATH !== '/' && 'the dev server serves at / only; tested in the run at /';

let work, content, server, browser;
const logged = [];
const POST = 'posts/ddosing-software-delivery-pipelines.md';

before(async () => {
  if (skip) return;
  // The same folio-build as scripts/build's (a no-op when it is built already), unless named.
  const folioBuild = process.env.FOLIO_BUILD_BIN ?? join(repo, 'target/debug/folio-build');
  if (!process.env.FOLIO_BUILD_BIN) {
    execFileSync('cargo', ['build', '--quiet', '-p', 'folio-build', '--bin', 'folio-build'], { cwd: repo, stdio: 'inherit' });
  }
  work = mkdtempSync(join(tmpdir(), 'folio-dev-'));
  content = join(work, 'content');
  cpSync(join(repo, 'content'), content, { recursive: true });
  // The app's sources the dev server serves live: index.html names them, style/ holds them.
  cpSync(join(repo, 'index.html'), join(work, 'project/index.html'));
  cpSync(join(repo, 'style'), join(work, 'project/style'), { recursive: true });
  server = await startDevServer({
    content,
    app: DIST,
    folioBuild,
    dir: join(work, 'site'),
    port: 0,
    project: join(work, 'project'),
    log: (line) => logged.push(line),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The post's slug, from what the dev server publishes. */
async function slugOf(title) {
  const manifest = await (await fetch(`${server.url}manifest.json`)).json();
  const post = manifest.posts.find((p) => p.title === title);
  assert.ok(post, `no post titled ${title} in ${manifest.posts.map((p) => p.title)}`);
  return post.slug;
}

function edit(path, change) {
  const file = join(content, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, 'the edit changes the file');
  writeFileSync(file, after);
}

async function withDevPage(fn) {
  const page = await openPage(browser);
  page.setDefaultTimeout(TIMEOUT);
  try {
    await fn(page);
    assert.deepEqual(page.problems(), [], 'no console errors or page errors');
  } finally {
    await page.closeContext();
  }
}

test('production builds carry no dev script', { skip }, () => {
  for (const file of ['index.html', '404.html']) assert.doesNotMatch(readDist(file), /__folio/);
});

test('an edited title shows in the open page, at the same scroll position', { skip }, async () => {
  const title = /^title: "(.*)"$/m.exec(readFileSync(join(content, POST), 'utf8'))?.[1];
  assert.ok(title, 'the post has a YAML title');
  const slug = await slugOf(title);
  await withDevPage(async (page) => {
    await page.setViewportSize({ width: 600, height: 400 });
    await page.goto(`${server.url}posts/${slug}`);
    await page.locator('[data-folio-root="prerendered"] h1').filter({ hasText: title }).waitFor();
    // The page's own event stream is open before the edit, or the edit could pass unseen.
    await page.locator('html[data-folio-dev="live"]').waitFor({ state: 'attached' });
    await page.evaluate(() => window.scrollTo(0, 300));
    const marker = await page.evaluate(() => { window.folioTestMarker = 1; return scrollY; });
    assert.ok(marker > 200, `the page scrolls (scrollY ${marker})`);
    const anchor = await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((e) => e.getBoundingClientRect().top > 0);
      return { text: p.textContent, top: p.getBoundingClientRect().top };
    });

    edit(POST, (text) => text.replace(`title: "${title}"`, 'title: "Alert on what users feel"'));
    await page.locator('h1').filter({ hasText: 'Alert on what users feel' }).waitFor();
    // The server reloaded the page (the test did not), and the reader is where they were.
    assert.equal(await page.evaluate(() => window.folioTestMarker), undefined, 'the page was reloaded');
    // The same paragraph at the same height, though the title above it got shorter.
    await page.waitForFunction(({ text, top }) => {
      const p = [...document.querySelectorAll('p')].find((e) => e.textContent === text);
      return p && Math.abs(p.getBoundingClientRect().top - top) < 2 && scrollY > 0;
    }, anchor);
  });
  await server.idle();
  assert.ok(logged.some((line) => /changed: built in \d+ ms: 18 posts/.test(line)), logged.join('\n'));
  // The edited post alone was rendered again; the other 17 came from the render cache.
  assert.ok(logged.some((line) => /changed: built .*posts rendered: 1, from the cache: 17$/.test(line)), logged.join('\n'));
});

test('broken front matter shows an overlay naming the file, gone once fixed', { skip }, async () => {
  await withDevPage(async (page) => {
    await page.goto(server.url);
    await page.locator('html[data-folio-dev="live"]').waitFor({ state: 'attached' });
    const fixed = readFileSync(join(content, POST), 'utf8');
    // An unterminated quoted title: YAML fails at the end of the front matter.
    edit(POST, (text) => text.replace(/^title: "(.*)"$/m, 'title: "$1'));
    const overlay = page.locator('#folio-dev-overlay');
    await overlay.waitFor();
    const where = await overlay.locator('.folio-dev-where').textContent();
    assert.match(where, new RegExp(`^${POST.replace('.', '\\.')}:\\d+$`), 'names the file and line');
    assert.match(await overlay.textContent(), /YAML/);
    // Styled by dev.css under the page's CSP: it covers the page.
    const box = await overlay.boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box.width >= viewport.width && box.height >= viewport.height, `covers the page (${JSON.stringify(box)})`);

    writeFileSync(join(content, POST), fixed);
    await overlay.waitFor({ state: 'detached' });
    await page.locator('[data-folio-root] h1').first().waitFor();
  });
  await server.idle();
  const errors = logged.filter((line) => line.startsWith('[') && line.includes('build failed'));
  assert.equal(errors.length, 1, `the failure is printed once:\n${logged.join('\n')}`);
});

test('a stylesheet edit is swapped into the open page without a reload', { skip }, async () => {
  await withDevPage(async (page) => {
    await page.goto(server.url);
    await page.locator('html[data-folio-dev="live"]').waitFor({ state: 'attached' });
    await page.evaluate(() => (window.folioTestMarker = 1));
    const css = join(work, 'project/style/main.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\nbody { outline: 7px solid rgb(1, 2, 3); }\n`);
    await page.waitForFunction(() => getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)');
    assert.equal(await page.evaluate(() => window.folioTestMarker), 1, 'no reload');
    assert.equal(await page.locator('link[rel="stylesheet"][href*="main-"]').count(), 1, 'the old link went');
  });
});
