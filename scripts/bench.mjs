// Folio's benchmark, run by scripts/bench (which builds what this reads). Prints:
//  - release .wasm/.js/.css sizes: raw, gzip -9, brotli (quality 11), and the budget line;
//  - cold load of / in headless Chromium (fresh context each run) until the All writing list is in
//    the DOM, from navigation start, against a static HTML page of the same content (a stand-in for
//    what Hugo or Zola would serve) on the same server;
//  - the longest Rust blog post: deep link until its body is rendered, and client-side navigation
//    to it from the home page, against a static copy of the rendered article;
//  - the content pipeline on the Rust blog corpus.
// Medians of --runs N (after one warm-up run that is not counted).
//
//   node scripts/bench.mjs --runs 9 --sample DIST --corpus-dist DIST --corpus CONTENT --pipeline BIN
//        [--pipeline-before BIN --pipeline-before-label TEXT]   (an earlier folio-build, run alternately)

import { spawnSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { startServer } from '../tests/e2e/server.mjs';
// The end-to-end tests' launch helper (it finds playwright-core in tests/e2e/node_modules).
import { CHROMIUM, launchBrowser } from '../tests/e2e/browser.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const RUNS = Number(opt('--runs', '9'));
const SAMPLE = opt('--sample', 'target/bench/sample');
const CORPUS_DIST = opt('--corpus-dist', null);
const CORPUS = opt('--corpus', null);
const PIPELINE = opt('--pipeline', null);
const PIPELINE_KIND = opt('--pipeline-kind', 'release');
const PIPELINE_BEFORE = opt('--pipeline-before', null);
const PIPELINE_BEFORE_LABEL = opt('--pipeline-before-label', PIPELINE_BEFORE);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
function line(label, value, extra = '') {
  console.log(`  ${pad(label, 52)} ${lpad(value, 12)}${extra ? `  ${extra}` : ''}`);
}
function heading(text) {
  console.log(`\n${text}`);
}

// ---------------------------------------------------------------- sizes

function sizes(dist) {
  heading(`Release bundle sizes (${dist}; kB = 1000 bytes)`);
  console.log(`  ${pad('file', 40)} ${lpad('raw', 10)} ${lpad('gzip -9', 10)} ${lpad('brotli', 10)}`);
  const totals = {};
  for (const name of readdirSync(dist).sort()) {
    const ext = name.split('.').pop();
    if (!['wasm', 'js', 'css'].includes(ext)) continue;
    const data = readFileSync(join(dist, name));
    const gz = gzipSync(data, { level: 9 }).length;
    const br = brotliCompressSync(data, {
      params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length;
    console.log(`  ${pad(name, 40)} ${lpad(kb(data.length), 10)} ${lpad(kb(gz), 10)} ${lpad(kb(br), 10)}`);
    const t = (totals[ext] ??= { raw: 0, gz: 0, br: 0 });
    t.raw += data.length;
    t.gz += gz;
    t.br += br;
  }
  for (const [ext, t] of Object.entries(totals)) {
    console.log(`  ${pad(`all .${ext}`, 40)} ${lpad(kb(t.raw), 10)} ${lpad(kb(t.gz), 10)} ${lpad(kb(t.br), 10)}`);
  }
  const appGz = (totals.wasm?.gz ?? 0) + (totals.js?.gz ?? 0);
  const budget = 250_000;
  console.log(
    `  Budget: wasm + js gzip = ${kb(appGz)} (${appGz} bytes, ${(appGz / 1024).toFixed(1)} KiB) of 250 kB = 250000 bytes: ${
      appGz < budget ? 'OK (under budget)' : `OVER BUDGET by ${appGz - budget} bytes`
    }`,
  );
  return appGz < budget;
}

// ---------------------------------------------------------------- browser timing

// Injected before any page script (CDP, so the page's CSP does not apply): records, relative to
// navigation start, the first moment each condition holds.
const OBSERVER = `(() => {
  const conds = {
    posts: () => document.querySelectorAll('li[data-testid="post-item"]').length > 0,
    article: () => (document.querySelector('[data-testid="article-body"]')?.textContent.trim().length ?? 0) > 0,
  };
  window.__bench = {};
  const check = () => {
    for (const [name, cond] of Object.entries(conds)) {
      if (window.__bench[name] === undefined && cond()) window.__bench[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;

async function fresh(browser) {
  const context = await browser.newContext();
  await context.addInitScript({ content: OBSERVER });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** Navigation start → condition, for a cold load of url in a fresh context. */
async function coldLoad(browser, url, cond) {
  const { context, page } = await fresh(browser);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction((c) => window.__bench?.[c] !== undefined, cond);
    return await page.evaluate((c) => window.__bench[c], cond);
  } finally {
    await context.close();
  }
}

/** Loads homeUrl, then clicks the link matching linkSelector: click → article body shown. */
async function clickThrough(browser, homeUrl, linkSelector) {
  const { context, page } = await fresh(browser);
  try {
    await page.goto(homeUrl);
    await page.waitForFunction(() => window.__bench?.posts !== undefined);
    const clickedAt = await page.evaluate((sel) => {
      const link = document.querySelector(sel);
      if (!link) throw new Error(`no link ${sel}`);
      const t = performance.timeOrigin + performance.now();
      link.click();
      return t;
    }, linkSelector);
    await page.waitForFunction(() => window.__bench?.article !== undefined);
    const shownAt = await page.evaluate(() => performance.timeOrigin + window.__bench.article);
    return shownAt - clickedAt;
  } finally {
    await context.close();
  }
}

async function measure(label, fn) {
  await fn(); // warm-up: server file cache, Chromium's own start-up paths
  const xs = [];
  for (let i = 0; i < RUNS; i++) xs.push(await fn());
  const m = median(xs);
  line(label, ms(m), `(min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))})`);
  return m;
}

const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

// ---------------------------------------------------------------- static stand-in pages

function stylesheetHref(dist) {
  const css = readdirSync(dist).find((n) => n.endsWith('.css'));
  return css ? `/${css}` : null;
}

function staticPage(dist, title, main) {
  const css = stylesheetHref(dist);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>${css ? `<link rel="stylesheet" href="${css}">` : ''}</head>
<body>${main}</body></html>
`;
}

/** The home page as a static site generator would write it, from the manifest. */
function writeStaticHome(dist, postHref = (slug) => `/posts/${encodeURIComponent(slug)}`) {
  const m = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const bio = m.site.bio
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n');
  const highlights = m.site.highlights
    .map((slug) => m.posts.find((p) => p.slug === slug))
    .filter(Boolean)
    .map(
      (p) =>
        `<li data-testid="highlight"><a data-testid="post-link" href="${postHref(p.slug)}">${escapeHtml(p.title)}</a><p data-testid="blurb">${escapeHtml(p.highlight ?? '')}</p></li>`,
    )
    .join('\n');
  const posts = m.posts
    .map(
      (p) =>
        `<li data-testid="post-item"><a data-testid="post-link" href="${postHref(p.slug)}">${escapeHtml(p.title)}</a> <time datetime="${p.date}">${p.date}</time></li>`,
    )
    .join('\n');
  const main = `<header class="site-header"><a class="site-title" href="/">${escapeHtml(m.site.author)}</a></header>
<main id="main"><h1>${escapeHtml(m.site.author)}</h1><div data-testid="bio">${bio}</div>
<section data-testid="highlights"><h2>Highlights</h2><ul>${highlights}</ul></section>
<section data-testid="all-writing"><h2>All writing</h2><ul>${posts}</ul></section></main>`;
  mkdirSync(join(dist, 'bench-peer'), { recursive: true });
  writeFileSync(join(dist, 'bench-peer', 'index.html'), staticPage(dist, m.site.author, main));
  return m;
}

// ---------------------------------------------------------------- pipeline

function pipeline() {
  if (!PIPELINE || !CORPUS) return;
  heading(`Content pipeline on the Rust blog corpus (${PIPELINE}, ${PIPELINE_KIND} build)`);
  // CPU time comes from GNU time when it is installed: on this kind of machine the wall time of
  // a run is mostly the file system creating ~4,700 files (ext4 scanning recently deleted
  // inodes), which varies from run to run far more than the pipeline's own work.
  const gnuTime = existsSync('/usr/bin/time');
  const run = (bin) => {
    const out = mkdtempSync(join(tmpdir(), 'folio-bench-'));
    const argv = ['--content', CORPUS, '--out', out];
    const t0 = process.hrtime.bigint();
    const r = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', 'folio-bench-cpu %U %S', bin, ...argv], { encoding: 'utf8' })
      : spawnSync(bin, argv, { encoding: 'utf8' });
    const t = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = /folio-bench-cpu ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
    const posts = existsSync(join(out, 'manifest.json'))
      ? JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).posts.length
      : 0;
    rmSync(out, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`${bin} failed (${r.status}): ${r.stderr}`);
    return { t, posts, user: cpu ? Number(cpu[1]) * 1000 : NaN, sys: cpu ? Number(cpu[2]) * 1000 : NaN };
  };
  const bins = PIPELINE_BEFORE ? [PIPELINE, PIPELINE_BEFORE] : [PIPELINE];
  const warm = bins.map(run);
  // Alternated run by run, so both see the same state of the file system and the machine.
  const xs = bins.map(() => []);
  for (let i = 0; i < RUNS; i++) bins.forEach((bin, k) => xs[k].push(run(bin)));
  const markdownFiles = readdirSync(CORPUS, { recursive: true }).filter((n) => String(n).endsWith('.md')).length;
  const report = (label, runs) => {
    const wall = runs.map((r) => r.t);
    line(label, ms(median(wall)), `(min ${ms(Math.min(...wall))}, max ${ms(Math.max(...wall))})`);
    if (gnuTime) line('  of which CPU: user / system', `${ms(median(runs.map((r) => r.user)))}`, `/ ${ms(median(runs.map((r) => r.sys)))}`);
  };
  report(`folio-build: ${markdownFiles} .md files → ${warm[0].posts} posts`, xs[0]);
  if (PIPELINE_BEFORE) {
    report(`before (${PIPELINE_BEFORE_LABEL}): → ${warm[1].posts} posts`, xs[1]);
    const ratio = (f) => (median(xs[0].map(f)) / median(xs[1].map(f))).toFixed(2);
    line('ratio now / before: wall', `${ratio((r) => r.t)}x`, gnuTime ? `(user CPU ${ratio((r) => r.user)}x)` : '');
  } else {
    console.log('  (no earlier build to compare with: scripts/bench --before REV builds one)');
  }
}

// ---------------------------------------------------------------- main

console.log(`Folio benchmark: medians of ${RUNS} runs after one warm-up; Chromium ${CHROMIUM}; server on 127.0.0.1`);
const underBudget = sizes(SAMPLE);

const browser = await launchBrowser();
try {
  {
    const server = await startServer({ root: SAMPLE });
    writeStaticHome(SAMPLE);
    heading(`Cold load of / (sample content, fresh context each), navigation start → All writing list in the DOM`);
    const app = await measure('Folio (wasm app)', () => coldLoad(browser, server.url, 'posts'));
    const peer = await measure('static HTML of the same page (Hugo/Zola stand-in)', () =>
      coldLoad(browser, `${server.url}bench-peer/`, 'posts'),
    );
    line('ratio Folio / static', ratio(app, peer));
    await server.close();
  }

  if (CORPUS_DIST) {
    const server = await startServer({ root: CORPUS_DIST });
    const postsDir = join(CORPUS_DIST, 'posts');
    const longest = readdirSync(postsDir)
      .filter((n) => n.endsWith('.md'))
      .map((n) => ({ n, size: statSync(join(postsDir, n)).size }))
      .sort((a, b) => b.size - a.size)[0];
    const slug = basename(longest.n, '.md');
    const m = JSON.parse(readFileSync(join(CORPUS_DIST, 'manifest.json'), 'utf8'));
    const post = m.posts.find((p) => p.slug === slug);
    heading(
      `Longest Rust blog post: ${slug} (${kb(longest.size)} of Markdown, ${post?.word_count ?? '?'} words; ${m.posts.length} posts in the manifest)`,
    );

    // A static copy of the article as the app renders it: the same markup a generator would ship.
    const rendered = await (async () => {
      const { context, page } = await fresh(browser);
      await page.goto(`${server.url}posts/${encodeURIComponent(slug)}`);
      await page.waitForFunction(() => window.__bench?.article !== undefined);
      const html = await page.evaluate(() => document.querySelector('main#main').outerHTML);
      await context.close();
      return html;
    })();
    mkdirSync(join(CORPUS_DIST, 'bench-peer', 'posts'), { recursive: true });
    writeFileSync(join(CORPUS_DIST, 'bench-peer', 'posts', `${slug}.html`), staticPage(CORPUS_DIST, post?.title ?? slug, rendered));
    writeStaticHome(CORPUS_DIST, (s) => (s === slug ? `/bench-peer/posts/${encodeURIComponent(s)}.html` : `/posts/${encodeURIComponent(s)}`));

    const deepApp = await measure('deep link /posts/<slug>: Folio, nav start → body', () =>
      coldLoad(browser, `${server.url}posts/${encodeURIComponent(slug)}`, 'article'),
    );
    const deepPeer = await measure('deep link: static HTML of the rendered article', () =>
      coldLoad(browser, `${server.url}bench-peer/posts/${encodeURIComponent(slug)}.html`, 'article'),
    );
    line('ratio Folio / static', ratio(deepApp, deepPeer));
    const sel = `a[data-testid="post-link"][href$="/posts/${encodeURIComponent(slug)}"]`;
    const navApp = await measure('from home, click → body: Folio (client-side)', () => clickThrough(browser, server.url, sel));
    const navPeer = await measure('from home, click → body: static pages (full load)', () =>
      clickThrough(browser, `${server.url}bench-peer/`, `a[data-testid="post-link"][href$="${slug}.html"]`),
    );
    line('ratio Folio / static', ratio(navApp, navPeer));
    await server.close();
  } else {
    heading('Rust blog corpus not found: skipping the longest-post measurements');
  }
} finally {
  await browser.close();
}

pipeline();
if (!underBudget) process.exitCode = 1;
