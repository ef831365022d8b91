// What a new visitor's first query downloads: for each sampled query, a fresh browser context
// opens BASE/search?q=… and waits for the results; the search index parts it fetched
// (search/*.bin) are summed at their gzip -9 size, read from the built DIST. The search code
// (wasm + JS glue) comes on top: `gzip -9c DIST/*.wasm DIST/folio-*.js`.
//
// It also times how soon the index answers once its parts are in: from the arrival of the last
// part the answer needed (the latest `responseEnd` among the search/*.bin fetches finished
// before the answer) to the moment the complete answer is in the results list (the results
// element's mutation that leaves it not busy, with links, for this query). Parts fetched after
// the answer (the background prefetch) do not count.
//
//   node scripts/search/first-query.mjs --base http://127.0.0.1:8282 --dist /tmp/scale-dist \
//        --queries /tmp/bench-search/out/scale.queries.json [--per-kind 8]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const base = opt('--base');
const dist = opt('--dist');
const queriesFile = opt('--queries');
const perKind = Number(opt('--per-kind', '8'));
if (!base || !dist || !queriesFile) {
  console.error('usage: node scripts/search/first-query.mjs --base URL --dist DIR --queries FILE [--per-kind N]');
  process.exit(2);
}
const raw = JSON.parse(readFileSync(queriesFile, 'utf8'));
const byKind = new Map();
for (const q of Array.isArray(raw) ? raw : raw.queries) {
  if (!byKind.has(q.kind)) byKind.set(q.kind, []);
  byKind.get(q.kind).push(q);
}
const picked = [...byKind.values()].flatMap((qs) => qs.slice(0, perKind));
const gzipBytes = (path) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;

const browser = await launchBrowser();
const rows = [];
try {
  for (const q of picked) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const parts = new Set();
    await page.addInitScript(() => {
      // When the complete answer lands: the first mutation after which the results list holds
      // links for the query in the URL and is not busy.
      window.__answeredAt = null;
      new MutationObserver(() => {
        if (window.__answeredAt !== null) return;
        const list = document.querySelector('html[data-app="live"] [data-testid="search-results"]');
        const q = new URLSearchParams(location.search).get('q');
        if (list && list.getAttribute('aria-busy') !== 'true' && list.dataset.query === q && list.querySelector('a')) {
          window.__answeredAt = performance.now();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    page.on('request', (r) => {
      const path = decodeURIComponent(new URL(r.url()).pathname);
      if (/\/search\/.*\.bin$/.test(path)) parts.add(path.slice(new URL(base).pathname.length));
    });
    await page.goto(`${base}/search?q=${encodeURIComponent(q.q)}`);
    await page.waitForFunction(() => window.__answeredAt !== null, null, { timeout: 20000 });
    // The results also need the manifest (titles, dates, tags): when it lands after the index,
    // the answer waits for it and its parse, so that wait is reported beside the index's.
    const { readyMs, manifestMs } = await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource');
      const ends = resources
        .filter((e) => /\/search\/[^/]*\.bin$/.test(new URL(e.name).pathname))
        .map((e) => e.responseEnd)
        .filter((end) => end <= window.__answeredAt);
      const lastPart = Math.max(...ends);
      const manifest = resources.find((e) => new URL(e.name).pathname.endsWith('/manifest.json'));
      return {
        readyMs: window.__answeredAt - lastPart,
        manifestMs: manifest ? manifest.responseEnd - lastPart : NaN,
      };
    });
    const bytes = [...parts].reduce((sum, p) => sum + gzipBytes(p.replace(/^\//, '')), 0);
    rows.push({ kind: q.kind, q: q.q, parts: parts.size, kB: bytes / 1000, readyMs, manifestMs });
    await context.close();
  }
} finally {
  await browser.close();
}
const percentiles = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return `p50 ${at(0.5).toFixed(1)} / p95 ${at(0.95).toFixed(1)} / max ${sorted[sorted.length - 1].toFixed(1)}`;
};
for (const r of rows) {
  console.log(`${r.kind.padEnd(7)} ${String(r.parts).padStart(3)} parts ${r.kB.toFixed(1).padStart(7)} kB  answered ${r.readyMs.toFixed(1).padStart(6)} ms after the last part (manifest in at ${r.manifestMs.toFixed(1).padStart(6)} ms)  ${JSON.stringify(r.q)}`);
}
console.log(`${rows.length} first queries, index parts gzip -9: ${percentiles(rows.map((r) => r.kB))} kB`);
console.log(`last part in -> answer shown: ${percentiles(rows.map((r) => r.readyMs))} ms`);
const indexLast = rows.filter((r) => r.manifestMs <= 0);
if (indexLast.length) {
  console.log(`  of which the ${indexLast.length} whose manifest was in first: ${percentiles(indexLast.map((r) => r.readyMs))} ms`);
}
