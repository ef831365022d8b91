// A site of its own for a test file: the built app (a copy of DIST) with the content of a small
// fixture folder the test writes, built by the pipeline and prerendered, served on 127.0.0.1.
// `useFixtureSite(site, writeContent)` builds it once before the file's tests and removes it
// after; `await fixture.site()` is then a `site` for `withPage` (see site.mjs).

import { before, after } from 'node:test';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, BASE_PATH, folioBuild } from './site.mjs';
import { startServer } from './server.mjs';

/** A post's file: TOML front matter and the Markdown body. */
export const post = (title, date, body, tags = []) =>
  `+++\ntitle = ${JSON.stringify(title)}\ndate = "${date}"\n[taxonomies]\ntags = ${JSON.stringify(tags)}\n+++\n${body}\n`;

/**
 * `writeContent(write)` is called with `write(relativePath, text)` to fill the content folder
 * (site.toml is written for it).
 */
export function useFixtureSite(site, name, writeContent) {
  const state = { dir: null, server: null, site: null };
  before(() => {
    state.dir = mkdtempSync(join(tmpdir(), `folio-${name}-`));
    const content = join(state.dir, 'content');
    const built = join(state.dir, 'built');
    const out = join(state.dir, 'site');
    mkdirSync(join(content, 'posts'), { recursive: true });
    const write = (rel, text) => writeFileSync(join(content, rel), text);
    write('site.toml', `author = "Fixture Writer"\nbase_url = "https://example.com/"\n`);
    writeContent(write);
    cpSync(DIST, out, { recursive: true });
    // The sample's posts go: the fixture's are the site.
    rmSync(join(out, 'posts'), { recursive: true, force: true });
    rmSync(join(out, 'bodies'), { recursive: true, force: true });
    folioBuild('--content', content, '--out', built, '--base-path', BASE_PATH);
    cpSync(built, out, { recursive: true });
    folioBuild('--prerender', out);
  });
  after(async () => {
    await state.server?.close();
    if (state.dir) rmSync(state.dir, { recursive: true, force: true });
  });
  return {
    async site() {
      if (!state.site) {
        state.server = await startServer({ root: join(state.dir, 'site'), basePath: BASE_PATH });
        const s = { ...site, server: state.server };
        s.url = (path = '/') => new URL(path.replace(/^\/+/, ''), state.server.url).href;
        s.path = (path) => new URL(s.url(path)).pathname;
        state.site = s;
      }
      return state.site;
    },
  };
}
