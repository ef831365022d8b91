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
 * `page.problems()` lists them, except console errors matched by `allow` (regexes tested against
 * "text @ url"). A deep link served as 404.html with status 404 (like GitHub Pages) makes
 * Chromium log "Failed to load resource ... 404" for the document itself: that one line is
 * expected for the document URL and is skipped by `page.gotoDeep()` users through `allow`.
 */
export async function openPage(browser, { allow = [] } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const line = `console error: ${msg.text()} @ ${msg.location()?.url ?? ''}`;
    if (!allow.some((re) => re.test(line))) problems.push(line);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.stack ?? err.message}`));
  page.problems = () => [...problems];
  page.allow = (re) => allow.push(re);
  page.closeContext = () => context.close();
  return page;
}
