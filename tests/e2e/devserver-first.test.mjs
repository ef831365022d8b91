// The dev server before the app is built (scripts/serve in a fresh clone): the prerendered
// pages are served at once with a shell made from index.html (stylesheets and scripts from
// their sources, no wasm), and once --app-build finishes the app's own shell replaces it.
// The "app build" here waits for the test's signal and the app is the built site's (FOLIO_DIST).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, BASE_PATH } from './site.mjs';
import { startDevServer } from '../../scripts/dev/server.mjs';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const skip = BASE_PATH !== '/' && 'the dev server serves at / only; tested in the run at /';

test('pages are served before the app is built, the app follows', { skip }, async () => {
  const folioBuild = process.env.FOLIO_BUILD_BIN ?? join(repo, 'target/debug/folio-build');
  if (!process.env.FOLIO_BUILD_BIN) {
    execFileSync('cargo', ['build', '--quiet', '-p', 'folio-build', '--bin', 'folio-build'], { cwd: repo, stdio: 'inherit' });
  }
  const work = mkdtempSync(join(tmpdir(), 'folio-dev-first-'));
  const go = join(work, 'app-built');
  const logged = [];
  let server;
  try {
    cpSync(join(repo, 'index.html'), join(work, 'project/index.html'));
    cpSync(join(repo, 'style'), join(work, 'project/style'), { recursive: true });
    cpSync(join(repo, 'public'), join(work, 'project/public'), { recursive: true });
    server = await startDevServer({
      content: join(repo, 'content'),
      app: DIST,
      folioBuild,
      dir: join(work, 'site'),
      port: 0,
      project: join(work, 'project'),
      appBuild: `while [ ! -e '${go}' ]; do sleep 0.05; done`,
      appPending: true,
      log: (line) => logged.push(line),
    });
    const page = async (path) => (await fetch(new URL(path, server.url))).text();

    const before = await page('/');
    assert.match(before, /data-folio-root="prerendered"/, 'the home page is prerendered');
    assert.match(before, /<link rel="stylesheet" href="style\/main\.css">/);
    assert.doesNotMatch(before, /\.wasm|data-trunk/, 'no app, no Trunk markup');
    const css = await fetch(new URL('/style/main.css', server.url));
    assert.equal(css.status, 200, 'the stylesheet is served from its source');
    const slug = JSON.parse(await page('/manifest.json')).posts[0].slug;
    assert.match(await page(`/posts/${slug}`), /data-folio-root="prerendered"/);

    writeFileSync(go, '');
    await new Promise((r) => setTimeout(r, 100));
    await server.idle();
    const after = await page('/');
    assert.match(after, /data-folio-root="prerendered"/);
    assert.match(after, /_bg\.wasm/, "the app's shell, naming its wasm");
    assert.doesNotMatch(after, /href="style\/main\.css"/);
    assert.ok(logged.some((l) => /first build, without the app: built/.test(l)), logged.join('\n'));
    assert.ok(logged.some((l) => /the app is not built yet: building the app/.test(l)), logged.join('\n'));
  } finally {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  }
});
