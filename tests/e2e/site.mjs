// Test fixture: the built site (FOLIO_DIST, default <repo>/dist), its manifest, a static server
// and one Chromium per test file. Use `useSite()` at the top of a test file, then
// `withPage(site, async (page) => ...)` in each test: every page gets a fresh browser context and
// fails the test on any console error or uncaught page error.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { startServer } from './server.mjs';
import { launchBrowser, openPage } from './browser.mjs';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = resolve(process.env.FOLIO_DIST ?? join(repo, 'dist'));
export const BASE_PATH = process.env.FOLIO_BASE_PATH ?? '/';
export const TIMEOUT = 15_000;

/** Runs the content pipeline's command line (`folio-build ARGS...`), as scripts/build does:
 * tests that build a fixture site of their own use it. */
export function folioBuild(...args) {
  execFileSync('cargo', ['run', '--quiet', '-p', 'folio-build', '--bin', 'folio-build', '--', ...args], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function readDist(rel) {
  return readFileSync(join(DIST, rel), 'utf8');
}

export function loadManifest() {
  const file = join(DIST, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build the site first (scripts/build --content content --out dist)`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Starts the server and the browser before this file's tests and stops them after. */
export function useSite() {
  const site = { manifest: loadManifest(), server: null, browser: null };
  site.author = site.manifest.site.author;
  before(async () => {
    site.server = await startServer({ root: DIST, basePath: BASE_PATH });
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  /** Absolute URL of a site path such as "/posts/x" (resolved under the base path). */
  site.url = (path = '/') => new URL(path.replace(/^\/+/, ''), site.server.url).href;
  /** The path as the app links it: base path + path, e.g. "/posts/x". */
  site.path = (path) => new URL(site.url(path)).pathname;
  /** The paths of these posts' pages, as the app should link them. */
  site.postPaths = (posts) => posts.map((p) => site.path(`/posts/${p.slug}`));
  return site;
}

/**
 * Runs `fn(page)` on a fresh page, then fails if the page logged a console error or threw.
 * `allow`: regexes for console errors this test provokes on purpose; `context`: Playwright
 * context options such as `{ colorScheme: 'dark' }`.
 */
export async function withPage(site, fn, { allow = [], context = {} } = {}) {
  const page = await openPage(site.browser, { allow: [...allow], context });
  page.setDefaultTimeout(TIMEOUT);
  /**
   * Opens a site path. A path with no file behind it is served as 404.html with status 404 (as
   * GitHub Pages does) and Chromium logs that status for the document: expected for such deep
   * links, so that one line, for this URL only, is not a problem.
   */
  page.open = async (path = '/', { live = context.javaScriptEnabled !== false } = {}) => {
    const url = site.url(path);
    const response = await page.goto(url);
    if (response?.status() === 404) {
      const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      page.allow(new RegExp(`Failed to load resource: the server responded with a status of 404 .* @ ${escaped}$`));
    }
    // A prerendered page shows its content before the app runs; tests act on the app's page, so
    // they wake it and wait until it has taken over (src/takeover.rs).
    if (live) await page.wake();
    return response;
  };
  /**
   * Wakes the app the way a reader does, with a key press (Shift: it types nothing), once it has
   * loaded and waits (`data-app="ready"`), then waits until it owns the page. A page the app
   * starts on by itself (the bare shell, a URL with a query) is left alone.
   */
  page.wake = async () => {
    await page.waitForSelector('html[data-app="ready"], html[data-app="live"]', { state: 'attached' });
    if ((await page.getAttribute('html', 'data-app')) === 'ready') await page.keyboard.press('Shift');
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
  };
  try {
    await fn(page);
    // Let late errors (a failed fetch, a panic after render) surface before judging.
    await page.waitForTimeout(100);
    assert.deepEqual(page.problems(), [], 'the page logged console errors or threw');
  } finally {
    await page.closeContext();
  }
}

/** The paths the post links in the given list items point to, in page order. */
export async function listedPostPaths(page, itemSelector = 'li[data-testid="post-item"]') {
  const hrefs = await page.$$eval(`${itemSelector} a[data-testid="post-link"]`, (as) => as.map((a) => a.href));
  return hrefs.map((href) => new URL(href).pathname);
}

export async function waitForHome(page) {
  await page.waitForSelector('section[data-testid="all-writing"] li[data-testid="post-item"]');
}

export async function waitForArticle(page) {
  await page.waitForSelector('article[data-testid="article"] h1');
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="article-body"]')?.textContent ?? '').trim().length > 0,
  );
}
