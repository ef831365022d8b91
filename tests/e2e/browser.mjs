// Shared Chromium launch for the end-to-end tests and the benchmark: Debian's Chromium driven by
// playwright-core (never a downloaded browser), with the flags this closed network needs.

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A new page in a fresh context that records every console error and uncaught page error.
 * `page.problems()` lists them, except console errors matched by a regex in `allow` (tested
 * against "console error: text @ url"); `page.allow(re)` adds one. `context`: Playwright context
 * options (e.g. `{ colorScheme: 'dark' }`, `{ javaScriptEnabled: false }`).
 */
export async function openPage(browser, { allow = [], context: contextOptions = {} } = {}) {
  // Chromium asks for /favicon.ico when a page names no icon, at a moment of its choosing (so
  // only some runs log the 404). A test of its own checks that the site has an icon instead.
  allow.push(/^console error: Failed to load resource: .* 404 .* @ https?:\/\/[^/]+\/favicon\.ico$/);
  // The offline worker (public/sw.js) answers a page's requests once it runs, and requests it
  // answers never reach `page.route`: the tests that inject faults need the network. Only the
  // offline tests let it run (`{ serviceWorkers: 'allow' }`).
  const context = await browser.newContext({ serviceWorkers: 'block', ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} @ ${msg.location()?.url ?? ''}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.stack ?? err.message}`));
  // Filtered when asked, so an allowance added after the fact (once a response is seen) counts.
  page.problems = () => problems.filter((line) => !(line.startsWith('console error:') && allow.some((re) => re.test(line))));
  page.allow = (re) => allow.push(re);
  page.closeContext = () => context.close();
  return page;
}
