// Screenshots of a built site for review (a tool, not a test): home, the longest article, a
// search with results and a tag page, at 1280 px and 390 px wide, in the light and the dark
// theme, after the app has taken over. Full-page PNGs named <page>-<width>-<theme>.png.
//
//   node scripts/screenshots.mjs [--dist dist] [--out target/screenshots] [--query WORD]
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';
import { launchBrowser } from '../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = resolve(opt('--dist', 'dist'));
const out = resolve(opt('--out', 'target/screenshots'));
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const longest = manifest.posts.reduce((a, b) => (b.reading_minutes > a.reading_minutes ? b : a));
const tag = manifest.posts.find((p) => p.tags.length > 0)?.tags[0];
// A word from the newest title, so the search has results (or --query).
const query = opt('--query', manifest.posts[0].title.split(/\s+/).find((w) => w.length > 4) ?? 'the');
const pages = [
  ['home', '/'],
  ['article', `/posts/${encodeURIComponent(longest.slug)}`],
  ['search', `/search?q=${encodeURIComponent(query)}`],
  ...(tag ? [['tag', `/tags/${encodeURIComponent(tag)}`]] : []),
];

mkdirSync(out, { recursive: true });
const server = await startServer({ root: dist });
const browser = await launchBrowser();
const written = [];
try {
  for (const theme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme, deviceScaleFactor: 1 });
      await context.addInitScript((t) => localStorage.setItem('folio-theme', t), theme);
      const page = await context.newPage();
      for (const [name, path] of pages) {
        await page.goto(new URL(path.slice(1), server.url).href);
        await page.waitForSelector('html[data-app="ready"], html[data-app="live"]', { state: 'attached' });
        // Wake the app as a reader would (a key that does nothing), and wait for it.
        await page.keyboard.press('Shift');
        await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
        await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'));
        if (name === 'search') await page.waitForSelector('[data-testid="search-results"] a[data-result]');
        await page.waitForTimeout(300); // theme transitions
        const file = join(out, `${name}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: name !== 'article' });
        written.push(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${written.length} screenshots in ${out} (article: ${longest.slug}; search: ${query}${tag ? `; tag: ${tag}` : ''}):`);
for (const file of written) console.log(`  ${file}`);
