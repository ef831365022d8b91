// Runs Lighthouse on the home page and an article of a built site; see scripts/lighthouse.
//
//   node scripts/lighthouse.mjs --dist DIR --modules DIR [--runs N] [--throttling simulate|provided] [--save DIR]
//        [--only home,article,long,search,tags]

import { join } from 'node:path';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const dist = opt('--dist', 'dist');
const modules = opt('--modules', '.tools/lighthouse/node_modules');
const runs = Number(opt('--runs', '3'));
const throttling = opt('--throttling', 'simulate');
// --save DIR keeps every run's full report (lhr JSON) for a closer look.
const save = opt('--save', '');

// Lighthouse lives in .tools/lighthouse (its own lockfile), not next to this script.
const load = (rel) => import(pathToFileURL(join(modules, rel)).href);
const { default: lighthouse } = await load('lighthouse/core/index.js');
const chromeLauncher = await load('chrome-launcher/dist/index.js');

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  LCP: 'largest-contentful-paint',
  CLS: 'cumulative-layout-shift',
  TBT: 'total-blocking-time',
  FCP: 'first-contentful-paint',
};

const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
// The article a reader most likely lands on (the newest post), the longest one, a search with
// results (its address as a shared link gives it: the page and the index parts it needs), and
// the tag list.
const article = manifest.posts[0];
const longest = manifest.posts.reduce((a, b) => (b.reading_minutes > a.reading_minutes ? b : a), article);
const query = opt('--query', 'async');
const pages = [
  ['home', '/'],
  [`article (${article.slug})`, `/posts/${article.slug}`],
  [`long article (${longest.slug}, ${longest.reading_minutes} min)`, `/posts/${longest.slug}`],
  [`search (?q=${query})`, `/search?q=${encodeURIComponent(query)}`],
];
// A site without tags has no /tags page (issue 15): there is nothing to measure there.
if (manifest.posts.some((p) => p.tags?.length)) pages.push(['tags', '/tags']);
else console.log('tags: skipped, this site has no tags and so no /tags page');
// --only home,search: just those pages (by the first word of their label).
const only = opt('--only', '');
if (only) pages.splice(0, pages.length, ...pages.filter(([label]) => only.split(',').includes(label.split(' ')[0])));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await startServer({ root: dist, cdn: true });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: CHROMIUM_ARGS,
});
// A CDN serves compressed files from its cache; this server compresses each file on its first
// request (brotli at quality 11 takes a while for the wasm). Warm it, so the first run does not
// measure the compression.
const warm = [...pages.map(([, path]) => path.slice(1)), ...readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile())];
await Promise.all(warm.map((path) => fetch(new URL(path, server.url), { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer())));
const failures = [];
try {
  console.log(`Lighthouse on ${server.url}, ${runs} run(s) per page, throttling: ${throttling}\n`);
  for (const [label, path] of pages) {
    const url = new URL(path.slice(1), server.url).href;
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
        throttlingMethod: throttling,
      });
      if (result.lhr.runtimeError) {
        failures.push(`${label}: ${result.lhr.runtimeError.code}`);
        console.log(`${label}: ${url}\n  Lighthouse could not score it: ${result.lhr.runtimeError.message}\n`);
        break;
      }
      samples.push(result.lhr);
      if (save) {
        mkdirSync(save, { recursive: true });
        const name = label.split(' ')[0] === 'long' ? 'long-article' : label.split(' ')[0];
        writeFileSync(join(save, `${name}-${i}.json`), JSON.stringify(result.lhr));
      }
    }
    if (samples.length < runs) continue;
    console.log(`${label}: ${url}`);
    for (const c of CATEGORIES) {
      const score = median(samples.map((lhr) => lhr.categories[c].score * 100));
      console.log(`  ${c.padEnd(15)} ${String(Math.round(score)).padStart(3)}`);
      if (score < 95) failures.push(`${label} ${c} ${score}`);
    }
    for (const [name, id] of Object.entries(METRICS)) {
      const value = median(samples.map((lhr) => lhr.audits[id].numericValue));
      console.log(`  ${name.padEnd(15)} ${name === 'CLS' ? value.toFixed(3) : `${Math.round(value)} ms`}`);
    }
    // What kept a category below 100, from the last run: the audits to look at.
    const last = samples[samples.length - 1];
    for (const c of CATEGORIES) {
      const weak = last.categories[c].auditRefs
        .map((ref) => last.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
        .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
      if (weak.length) console.log(`  ${c} below 0.9: ${weak.join(', ')}`);
    }
    console.log('');
  }
} finally {
  await chrome.kill();
  await server.close();
}
console.log(failures.length ? `Below 95: ${failures.join('; ')}` : 'Every category at 95 or more.');
