// Edit-to-repaint benchmark for the dev server (run by scripts/bench-reload): the time from
// writing a post's file to its new title on screen in Chromium, median of N edits, for the
// sample site and one post of a large corpus, and the same for `hugo server` on the same
// content in the same run (Hugo's own live reload, a minimal layout: scripts/dev/bench/).
//
//   node scripts/dev/bench/reload.mjs --app DIR --folio-build BIN [--corpus DIR] [--runs 10]
//
// The content is copied to a temporary folder first (the edits never touch the originals). The
// moment of repaint is taken in the page: a script injected by the browser (not the page: it
// passes no CSP) notes the wall clock at the first animation frame after the document has
// loaded, which is when the reloaded page is painted; the file write is timed on the same clock.

import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../../tests/e2e/browser.mjs';
import { startDevServer } from '../server.mjs';

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const RUNS = Number(opt('--runs', '10'));
const APP = opt('--app', join(repo, 'target/dev/app-release'));
const FOLIO_BUILD = opt('--folio-build', join(repo, 'target/native/folio-build'));
const CORPUS = opt('--corpus', resolve(repo, '../shared/corpus/rust-blog/content'));
const work = mkdtempSync(join(tmpdir(), 'folio-bench-reload-'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A copy of `dir` to edit, and the post to edit in it: a file whose title is on one line. */
function copyContent(name, dir, post) {
  const copy = join(work, name);
  cpSync(dir, copy, { recursive: true });
  const file = join(copy, post);
  const text = readFileSync(file, 'utf8');
  const line = /^title\s*[:=]\s*"([^"\n]*)"$/m.exec(text);
  if (!line) throw new Error(`${file}: no one-line quoted title`);
  return { dir: copy, file, text, title: line[1], line: line[0] };
}

/** Edits the title N times in an open page at `url`; resolves to the N edit-to-paint times. */
async function measure(browser, url, post) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    addEventListener('DOMContentLoaded', () =>
      requestAnimationFrame(() => {
        window.__painted = { at: Date.now(), title: document.querySelector('h1')?.textContent ?? '' };
      }));
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__painted);
  await page.waitForTimeout(500); // the reload script connects
  const times = [];
  for (let run = 1; run <= RUNS; run++) {
    const title = `${post.title} (edit ${run})`;
    const started = Date.now();
    writeFileSync(post.file, post.text.replace(post.line, post.line.replace(post.title, title)));
    const painted = await page.waitForFunction((t) => window.__painted?.title.includes(t) && window.__painted.at,
      title, { timeout: 30_000 });
    times.push((await painted.jsonValue()) - started);
    await page.waitForTimeout(300); // let file watchers settle between edits
  }
  writeFileSync(post.file, post.text);
  await context.close();
  return times;
}

async function folio(browser, name, content, postPath) {
  const post = copyContent(`folio-${name}`, content, postPath);
  const server = await startDevServer({ content: post.dir, app: APP, folioBuild: FOLIO_BUILD,
    dir: join(work, `site-${name}`), port: 0, log: () => {} });
  try {
    const manifest = await (await fetch(`${server.url}manifest.json`)).json();
    const slug = manifest.posts.find((p) => p.title === post.title)?.slug;
    if (!slug) throw new Error(`no post titled ${post.title}`);
    return await measure(browser, `${server.url}posts/${slug}`, post);
  } finally {
    await server.close();
  }
}

async function hugo(browser, name, content, postPath, port) {
  const post = copyContent(`hugo-${name}`, content, postPath);
  const site = join(work, `hugo-${name}-site`);
  mkdirSync(join(site, 'layouts/_default'), { recursive: true });
  const layout = readFileSync(fileURLToPath(new URL('./hugo-layout.html', import.meta.url)), 'utf8');
  for (const kind of ['single', 'list']) writeFileSync(join(site, `layouts/_default/${kind}.html`), layout);
  writeFileSync(join(site, 'config.toml'), `title = "Bench"\ncontentDir = ${JSON.stringify(post.dir)}\n` +
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n');
  const server = spawn('hugo', ['server', '--source', site, '--bind', '127.0.0.1', '--port', String(port),
    '--baseURL', `http://127.0.0.1:${port}/`, '--buildFuture', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  try {
    const home = `http://127.0.0.1:${port}/`;
    let html = '';
    for (let i = 0; i < 600 && !html.includes('</ul>'); i++) {
      html = await fetch(home).then((r) => r.text(), () => '');
      if (!html.includes('</ul>')) await new Promise((r) => setTimeout(r, 100));
    }
    const escaped = post.title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const href = new RegExp(`<a href="([^"]+)">${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</a>`).exec(html)?.[1];
    if (!href) throw new Error(`hugo: no link to ${post.title} on its home page\n${output}`);
    return await measure(browser, new URL(href, home).href, post);
  } finally {
    server.kill();
  }
}

const browser = await launchBrowser();
try {
  const rows = [];
  const sample = join(repo, 'content');
  const samplePost = 'posts/ddosing-software-delivery-pipelines.md';
  const corpusPost = '4-Years-Of-Rust.md';
  // Each row is printed as it is measured, and one that fails (a page that never showed the
  // edit) is reported rather than losing the others.
  const row = async (label, measured, target) => {
    let line;
    try {
      const times = await measured();
      const verdict = target ? (median(times) <= target ? `  (target <= ${target}: met)` : `  (target <= ${target}: MISSED)`) : '';
      line = `  ${label.padEnd(32)} ${String(Math.round(median(times))).padStart(6)}  (${Math.min(...times)}-${Math.max(...times)})${verdict}`;
    } catch (err) {
      line = `  ${label.padEnd(32)} failed: ${err.message.split('\n')[0]}`;
    }
    console.log(line);
    rows.push(line);
  };
  console.log(`Edit to repaint in Chromium, median of ${RUNS} (min-max), ms:`);
  await row('Folio, sample site (18 posts)', () => folio(browser, 'sample', sample, samplePost), 1000);
  await row('Hugo 0.111, sample site', () => hugo(browser, 'sample', sample, samplePost, 18_313));
  await row('Folio, Rust blog (750 posts)', () => folio(browser, 'rust-blog', CORPUS, corpusPost), 3000);
  await row('Hugo 0.111, Rust blog', () => hugo(browser, 'rust-blog', CORPUS, corpusPost, 18_314));
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
