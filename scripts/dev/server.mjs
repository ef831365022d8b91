// Folio's dev server: the real (prerendered) site, rebuilt on every change and reloaded live.
//
//   node scripts/dev/server.mjs --content DIR --app DIR --folio-build BIN [--port 8080]
//        [--dir target/dev/site] [--project .] [--app-build "scripts/dev/build-app"] [--app-pending]
//        [-- folio-build flags]
//
// It serves on 127.0.0.1 what scripts/build would publish (pages, feeds, redirects, search index;
// same addresses as the static hosts: tests/e2e/server.mjs's rules), and adds to each HTML page a
// script and a stylesheet of its own (/__folio/reload.js, /__folio/dev.css: files, as the CSP
// wants), which follow an event stream (/__folio/events). Changes:
//   content folder          pipeline + prerender (only changed files written), then reload;
//   a stylesheet            served as edited (the app copies it verbatim), swapped in place;
//   a script or icon Trunk copies   served as edited, then reload;
//   anything else of the app (src/, crates/, index.html...)   --app-build, then a full rebuild.
// With --app-pending (the app is not built yet, as in a fresh clone), the site is served at once
// with a provisional shell (site.mjs: provisionalShell) while --app-build runs, then reloaded.
// A failed build shows in the page as an overlay (file, line, message) until it is fixed.

import { createServer } from 'node:http';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentType, fileAt } from '../../tests/e2e/server.mjs';
import { DevSite, run } from './site.mjs';
import { watchTree } from './watch.mjs';

const CLIENT = fileURLToPath(new URL('./client/', import.meta.url));
const DEV_TAGS = '<link rel="stylesheet" href="/__folio/dev.css"><script src="/__folio/reload.js" defer></script>';
/** Folders and files of the project whose change needs the app built again. */
const APP_SOURCES = ['src', 'crates', 'style', 'public', 'index.html', 'Trunk.toml', 'Cargo.toml', 'Cargo.lock'];

/**
 * A page as the dev server serves it: the dev tags before `</head>` (or where the head ends when
 * a minifier dropped that tag), and no subresource integrity hashes, since stylesheets and scripts
 * are served as edited (see site.mjs), which no hash Trunk took of the built file would match.
 */
export function devPage(html) {
  return injectDevTags(html.replace(/\s+integrity=("[^"]*"|[^\s>]+)/g, ''));
}

/** The dev tags, before `</head>` (or where the head ends when a minifier dropped that tag). */
export function injectDevTags(html) {
  for (const at of [/<\/head>/i, /<body[\s>]/i]) {
    const match = at.exec(html);
    if (match) return html.slice(0, match.index) + DEV_TAGS + html.slice(match.index);
  }
  return html + DEV_TAGS;
}

const time = () => new Date().toTimeString().slice(0, 8);

export async function startDevServer({ content, app, folioBuild, dir, port = 8080, project = null, appBuild = null,
  appPending = false, flags = [], log = console.log }) {
  const site = new DevSite({ content: resolve(content), dir: resolve(dir), app: resolve(app), folioBuild, flags, project });
  const clients = new Set();
  let failure = null;
  let warnings = new Set();

  function send(event, data = {}) {
    for (const res of clients) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  function report(result, what, started) {
    const ms = Math.round(performance.now() - started);
    if (!result.ok) {
      const { file, line, message } = result.failure;
      const text = `${file ? `${file}${line ? `:${line}` : ''}: ` : ''}${message}`;
      if (failure?.text !== text) log(`[${time()}] build failed (${what}):\nerror: ${text}`);
      failure = { ...result.failure, text };
      send('failed', failure);
      return;
    }
    const fresh = result.warnings.filter((w) => !warnings.has(w));
    warnings = new Set(result.warnings);
    for (const w of fresh) log(`warning: ${w}`);
    const posts = result.rendered ? `; posts rendered: ${result.rendered.rendered}, from the cache: ${result.rendered.reused}` : '';
    log(`[${time()}] ${what}: built in ${ms} ms: ${result.summary}${posts}`);
    if (failure) send('ok');
    failure = null;
    send('reload');
  }

  // One build at a time; changes that arrive meanwhile are gathered into the next one.
  const pending = new Map();
  let running = null;
  let timer = null;
  /** `why`: what changed, as the log says it ("posts/a.md changed"). */
  function schedule(kind, why) {
    pending.set(kind, why);
    clearTimeout(timer);
    timer = setTimeout(drain, 30);
  }
  async function drain() {
    timer = null;
    if (running || pending.size === 0) return;
    const kinds = new Map(pending);
    pending.clear();
    running = (async () => {
      const started = performance.now();
      const what = [...kinds.values()].join(', ');
      if (kinds.has('app')) {
        log(`[${time()}] ${kinds.get('app')}: building the app (${appBuild})`);
        const built = await run('sh', ['-c', appBuild], { cwd: project });
        if (built.code !== 0) {
          const output = `${built.stdout}\n${built.stderr}`.trim().split('\n');
          const at = output.findIndex((l) => /^error/.test(l));
          const message = output.slice(at < 0 ? -20 : at, at < 0 ? undefined : at + 20).join('\n');
          const where = /--> ([^:\s]+):(\d+)/.exec(message);
          report({ ok: false, failure: { file: where?.[1] ?? null, line: where ? Number(where[2]) : null, message } }, what);
          return;
        }
        await site.loadApp();
      }
      report(await site.build(), what, started);
    })();
    await running.catch((err) => report({ ok: false, failure: { file: null, line: null, message: err.message } }, 'build'));
    running = null;
    drain();
  }

  async function serveFile(req, res) {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pathname === '/__folio/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write('retry: 300\n\n');
      if (failure) res.write(`event: failed\ndata: ${JSON.stringify(failure)}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (pathname === '/__folio/reload.js' || pathname === '/__folio/dev.css') {
      const file = join(CLIENT, pathname.slice('/__folio/'.length));
      res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' });
      res.end(await readFile(file));
      return;
    }
    const path = resolve(site.dir, `.${sep}${pathname}`);
    let file = path === site.dir || path.startsWith(site.dir + sep) ? await fileAt(path) : null;
    const status = file ? 200 : 404;
    file ??= await fileAt(join(site.dir, '404.html'));
    if (!file) {
      // No site yet (the first build failed): a bare page, so the overlay still shows.
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(injectDevTags('<!DOCTYPE html><title>Folio (no build yet)</title><body></body>'));
      return;
    }
    const live = site.liveSource(relative(site.dir, file));
    let body = await (live ? readFile(live).catch(() => readFile(file)) : readFile(file));
    if (file.endsWith('.html')) body = Buffer.from(devPage(body.toString('utf8')));
    res.writeHead(status, { 'content-type': contentType(file), 'cache-control': 'no-store', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    serveFile(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${err.message}\n`);
    });
  });
  // Keep-alive comments stop proxies and browsers from dropping a quiet stream.
  const keepAlive = setInterval(() => { for (const res of clients) res.write(': \n\n'); }, 15_000);

  const started = performance.now();
  await (appPending ? site.loadProvisionalApp() : site.loadApp());
  report(await site.build(), appPending ? 'first build, without the app' : 'first build', started);

  const watchers = [];
  const ignored = (name) => !name || /(^|\/)\.|~$|\.sw[px]$|(^|\/)4913$/.test(name);
  watchers.push(watchTree(site.content, (name) => {
    if (!ignored(name)) schedule('content', `${name} changed`);
  }));
  function appChanged(changed) {
    if (ignored(changed) || !APP_SOURCES.some((entry) => changed === entry || changed.startsWith(`${entry}/`))) return;
    const built = [...site.live].find(([, source]) => source === join(project, changed))?.[0];
    if (built) {
      // One save is several file events: one swap or reload for them all.
      liveChange = liveChange === 'reload' || !built.endsWith('.css') ? 'reload' : 'css';
      clearTimeout(liveTimer);
      liveTimer = setTimeout(() => {
        log(`[${time()}] ${changed} changed: ${liveChange === 'css' ? 'stylesheet swapped' : 'reloading'}`);
        send(liveChange, liveChange === 'css' ? site.styleHrefs() : {});
        liveChange = null;
      }, 30);
    } else if (appBuild) {
      schedule('app', `${changed} changed`);
    }
  }
  let liveChange = null;
  let liveTimer = null;
  if (project) {
    // The project's top level for its files (index.html, Cargo.toml...), each source folder whole.
    watchers.push(watchTree(project, appChanged, { depth: 0 }));
    for (const entry of APP_SOURCES) {
      const path = join(project, entry);
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
        watchers.push(watchTree(path, (name) => appChanged(join(entry, name))));
      }
    }
  }

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actual = server.address().port;
  if (appPending && appBuild) schedule('app', 'the app is not built yet');
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/`,
    site,
    /** Resolves once no build is running or waiting (for tests). */
    idle: async () => {
      while (running || pending.size || timer) await new Promise((r) => setTimeout(r, 20));
    },
    close: () => new Promise((ok) => {
      clearInterval(keepAlive);
      clearTimeout(timer);
      clearTimeout(liveTimer);
      for (const w of watchers) w.close();
      for (const res of clients) res.end();
      server.closeAllConnections?.();
      server.close(() => ok());
    }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dash = args.indexOf('--');
  const flags = dash >= 0 ? args.splice(dash).slice(1) : [];
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i < 0 ? fallback : args.splice(i, 2)[1];
  };
  const options = {
    content: opt('--content', 'content'),
    app: opt('--app', 'target/dev/app'),
    folioBuild: opt('--folio-build', 'target/native/folio-build'),
    dir: opt('--dir', 'target/dev/site'),
    port: Number(opt('--port', '8080')),
    project: opt('--project', null),
    appBuild: opt('--app-build', null),
    appPending: (() => { const i = args.indexOf('--app-pending'); return i >= 0 && args.splice(i, 1).length > 0; })(),
    flags,
  };
  if (args.length) {
    console.error(`dev server: unexpected arguments: ${args.join(' ')}`);
    process.exit(2);
  }
  try {
    const server = await startDevServer(options);
    console.log(`Serving ${server.url} (content: ${resolve(options.content)}); Ctrl-C stops`);
    const stop = () => server.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(1);
  }
}
