// The site the dev server serves, kept in one folder and rebuilt in place: the app's files (its
// shell, scripts, styles), the content pipeline's output and the prerendered pages, exactly as
// scripts/build lays them out. `folio-build --in-place` writes only the files whose bytes
// changed and removes only the ones its previous run wrote, so an edit to one post rewrites that
// post's files and the pages that list it, not the whole site (creating thousands of files anew
// was most of a build's time on a large site: see crates/folio-content/src/in_place.rs).

import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/** Runs a command, collecting its output. Resolves to { code, stdout, stderr }. */
export function run(command, args, options = {}) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * The failure folio-build reports, as { file, line, message }: its error lines read
 * `folio-build: error: <file>:<line>: <message>` (or without a line, or without a file).
 */
export function parseFailure(output, root = '') {
  const lines = output.split('\n').filter((l) => l.startsWith('folio-build: error: '));
  const text = (lines.length ? lines.map((l) => l.slice('folio-build: error: '.length)) : [output.trim()]).join('\n');
  const at = /^(\/?[^\s:][^:\n]*?):(\d+):\s*([\s\S]*)$/.exec(text) ?? /^(\/[^:\n]+):\s*([\s\S]*)$/.exec(text);
  if (!at) return { file: null, line: null, message: text || 'the build failed' };
  const file = root && at[1].startsWith(root) ? relative(root, at[1]) : at[1];
  return at.length === 4 ? { file, line: Number(at[2]), message: at[3] } : { file, line: null, message: at[2] };
}

/**
 * Files the shell's <link> and <script> tags name (styles, icon, scripts, the wasm and its glue)
 * that are files in `dir`; a prerendered page's links to other pages are not the app's.
 */
function shellFiles(shell, dir) {
  const names = new Set();
  for (const [tag] of shell.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    for (const [, value] of tag.matchAll(/\b(?:href|src|data-js|data-wasm)="?([^"\s>]+)/g)) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) continue;
      const name = value.replace(/^\.?\/+/, '').split(/[?#]/)[0];
      if (name && statSync(join(dir, name), { throwIfNoEntry: false })?.isFile()) names.add(name);
    }
  }
  return [...names];
}

/** The shell without its link to a feed the build did not write (as scripts/trunk-post-build). */
function dropMissingFeeds(shell, siteDir) {
  for (const feed of ['atom.xml', 'rss.xml']) {
    if (existsSync(join(siteDir, feed))) continue;
    const name = feed.replace('.', '\\.');
    shell = shell.replace(new RegExp(`<link[^>]*href="?${name}"?([ /][^>]*)?>`, 'g'), '');
  }
  return shell;
}

/**
 * Source files that Trunk copies under a hashed name (`style/main.css` -> `main-<hash>.css`), as
 * a map from the built name to the source path, so edits to them are served without a rebuild.
 */
async function liveSources(project, appFiles) {
  const source = join(project, 'index.html');
  if (!existsSync(source)) return new Map();
  const html = await readFile(source, 'utf8');
  const live = new Map();
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*\bdata-trunk\b[^>]*>/g)) {
    if (/\brel="rust"/.test(tag)) continue;
    const path = /\b(?:href|src)="([^"]+)"/.exec(tag)?.[1];
    if (!path) continue;
    const dot = basename(path).lastIndexOf('.');
    const [stem, ext] = [basename(path).slice(0, dot), basename(path).slice(dot)];
    const built = appFiles.find((name) => name.startsWith(`${stem}-`) && name.endsWith(ext) &&
      /^[0-9a-f]{8,}$/.test(name.slice(stem.length + 1, -ext.length)));
    if (built && existsSync(join(project, path))) live.set(built, join(project, path));
  }
  return live;
}

/**
 * The shell for the time the app is not built yet (a fresh clone: compiling it takes minutes):
 * the project's index.html without the app, its stylesheets, icon and plain scripts linked at
 * their sources' paths, so the prerendered pages read as they will, and the app comes with a
 * reload once built. Resolves to { shell, files: [source paths, relative to the project] }.
 */
export function provisionalShell(html) {
  const files = [];
  const shell = html
    .replace(/<base\b[^>]*\bdata-trunk-public-url\b[^>]*>/i, '<base href="/">')
    .replace(/<(link|script)\b[^>]*\bdata-trunk\b[^>]*>(\s*<\/script>)?/gi, (tag, name) => {
      const rel = /\brel="([^"]+)"/.exec(tag)?.[1];
      const path = /\b(?:href|src)="([^"]+)"/.exec(tag)?.[1];
      // The app itself, the module that starts it and files Trunk only copies: not there yet.
      if (!path || rel === 'rust' || rel === 'copy-file' || /\btype="module"/.test(tag)) return '';
      files.push(path);
      if (name.toLowerCase() === 'script') return `<script src="${path}"></script>`;
      return rel === 'css' ? `<link rel="stylesheet" href="${path}">` : `<link rel="${rel}" href="${path}">`;
    });
  return { shell, files };
}

export class DevSite {
  /**
   * `content`: the content folder; `dir`: the folder served; `app`: a built app (Trunk's output,
   * or a finished build, whose 404.html is the shell); `folioBuild`: the folio-build binary;
   * `flags`: more folio-build flags (--drafts, --future); `project`: the repository, for
   * serving style and script sources live; `cache`: where the pipeline keeps posts'
   * renderings between builds (default: `render-cache` beside `dir`), so an edit renders the
   * edited post again, not every post.
   */
  constructor({ content, dir, app, folioBuild, flags = [], project = null, cache = join(dirname(dir), 'render-cache') }) {
    Object.assign(this, { content, dir, app, folioBuild, flags, project, cache });
    this.live = new Map();
    this.shell = null;
  }

  /**
   * Copies the app's files into the site and learns its shell (Trunk's index.html, or a built
   * site's prerendered one, which the prerender reads the shell from as well). Call again after
   * an app build.
   */
  async loadApp() {
    const shellPath = join(this.app, 'index.html');
    if (!existsSync(shellPath)) throw new Error(`${this.app} holds no built app (index.html)`);
    this.shell = await readFile(shellPath, 'utf8');
    const files = shellFiles(this.shell, this.app);
    await mkdir(this.dir, { recursive: true });
    for (const name of files) {
      await mkdir(dirname(join(this.dir, name)), { recursive: true });
      await copyFile(join(this.app, name), join(this.dir, name));
    }
    this.live = this.project ? await liveSources(this.project, files) : new Map();
    this.writtenShell = null;
    // The provisional shell's copies of the sources go once the app is in.
    for (const name of this.provisional ?? []) await rm(join(this.dir, name), { force: true });
    this.provisional = [];
  }

  /**
   * Serves the site without the app until it is built (see provisionalShell): the shell comes
   * from the project's index.html and its files are served from their sources.
   */
  async loadProvisionalApp() {
    const { shell, files } = provisionalShell(await readFile(join(this.project, 'index.html'), 'utf8'));
    this.shell = shell;
    this.live = new Map();
    await mkdir(this.dir, { recursive: true });
    for (const name of files) {
      const source = join(this.project, name);
      if (!existsSync(source)) continue;
      await mkdir(dirname(join(this.dir, name)), { recursive: true });
      await copyFile(source, join(this.dir, name));
      this.live.set(name, source);
    }
    this.provisional = [...this.live.keys()];
    this.writtenShell = null;
  }

  /** The source file served for a built name, when it is one Trunk only copies. */
  liveSource(name) {
    return this.live.get(name) ?? null;
  }

  /** Hrefs of the site's stylesheets (for the client's style swap). */
  styleHrefs() {
    return [...this.live.keys()].filter((name) => name.endsWith('.css')).map((name) => `/${name}`);
  }

  /**
   * Runs the pipeline and the prerender into the site folder. Resolves to
   * { ok: true, summary, warnings } or { ok: false, failure: { file, line, message } }.
   */
  async build() {
    const root = this.content.endsWith('/') ? this.content : `${this.content}/`;
    const pipeline = await run(this.folioBuild, [
      '--content', this.content, '--out', this.dir, '--in-place', '--base-path', '/', '--cache', this.cache,
      ...this.flags,
    ]);
    if (pipeline.code !== 0) return { ok: false, failure: parseFailure(pipeline.stderr, root) };
    // The shell the prerender pours every page into is index.html. Once prerendered, that is the
    // home page, from which the prerender takes the shell again; so it is written only when the
    // app (or whether the feeds exist) changed.
    const shell = dropMissingFeeds(this.shell, this.dir);
    if (shell !== this.writtenShell) {
      await writeFile(join(this.dir, 'index.html'), shell);
      this.writtenShell = shell;
    }
    const prerender = await run(this.folioBuild, ['--prerender', this.dir, '--in-place']);
    if (prerender.code !== 0) return { ok: false, failure: parseFailure(prerender.stderr) };
    const warnings = pipeline.stderr.split('\n').filter((l) => l.startsWith('folio-build: warning: '))
      .map((l) => l.slice('folio-build: warning: '.length));
    const summary = /wrote (.*)$/m.exec(pipeline.stdout)?.[1]?.replace(` to ${this.dir}`, '') ?? pipeline.stdout.trim();
    const rendered = /rendered (\d+) posts, (\d+) from the render cache/.exec(pipeline.stdout);
    return {
      ok: true, summary, warnings, prerendered: prerender.stdout.trim(),
      rendered: rendered ? { rendered: Number(rendered[1]), reused: Number(rendered[2]) } : null,
    };
  }
}
