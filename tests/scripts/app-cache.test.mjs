// scripts/build reuses the built app for a content-only change, and the site it writes is the same,
// byte for byte, as a build with the content inside Trunk's build (--no-app-cache, as before the
// app cache). Three builds of an edited copy of the sample content: cached, full, cached again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function files(dir, top = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), top) : [relative(top, join(dir, e.name))]))
    .sort();
}

function assertSameTree(a, b, label) {
  const left = files(a);
  assert.deepEqual(left, files(b), `${label}: the same files`);
  const differ = left.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  assert.deepEqual(differ, [], `${label}: the same bytes`);
}

test('a content-only build reuses the app and writes the same bytes as a full Trunk build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-app-cache-'));
  const outs = join(repo, 'target', 'test-app-cache');
  try {
    const content = join(dir, 'content');
    cpSync(join(repo, 'content'), content, { recursive: true });
    const post = readdirSync(join(content, 'posts')).find((f) => f.endsWith('.md'));
    const file = join(content, 'posts', post);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title( *[:=]) *.*$/m, 'title$1 "An edited title for the cache test"'));
    // Both streams: scripts/build says on stderr whether it reuses the app.
    const build = (name, ...flags) => {
      const run = spawnSync(join(repo, 'scripts/build'), ['--content', content, '--out', join(outs, name), ...flags], {
        cwd: repo,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      assert.equal(run.status, 0, `scripts/build ${flags.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
      return `${run.stdout}\n${run.stderr}`;
    };
    build('cached');
    const full = build('full', '--no-app-cache');
    assert.match(full, /trunk build --release \(content: /, 'the full build runs Trunk with the content');
    const again = build('again');
    assert.match(again, /App: unchanged since its last build, reusing target\/folio-app\//);
    assert.doesNotMatch(again, /trunk build/, 'no Trunk build for a content-only change');
    const manifest = JSON.parse(readFileSync(join(outs, 'cached', 'manifest.json'), 'utf8'));
    assert.ok(manifest.posts.some((p) => p.title === 'An edited title for the cache test'), 'the edit is in');
    assertSameTree(join(outs, 'cached'), join(outs, 'full'), 'cached vs full');
    assertSameTree(join(outs, 'cached'), join(outs, 'again'), 'cached vs cached again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outs, { recursive: true, force: true });
  }
});
