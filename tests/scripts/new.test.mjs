// scripts/new: the post it writes is a draft the pipeline reads (published with --drafts only,
// under the title and slug given), and it never overwrites a file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const NEW = join(repo, 'scripts/new');

const folioBuild = (...args) =>
  execFileSync('cargo', ['run', '--quiet', '-p', 'folio-build', '--bin', 'folio-build', '--', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });

function withContent(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'folio-new-'));
  try {
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content', 'site.toml'), 'author = "Test Author"\nbase_url = "https://example.com/"\n');
    return fn(join(dir, 'content'), join(dir, 'out'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('scripts/new writes a draft that the pipeline publishes with --drafts only', () =>
  withContent((content, outDir) => {
    const title = 'Café: C++ & "quoted" words';
    const out = execFileSync(NEW, ['--content', content, title], { encoding: 'utf8' });
    const file = join(content, 'posts', 'cafe-c-quoted-words.md');
    assert.match(out, /cafe-c-quoted-words\.md/, 'prints the path');
    assert.match(out, /--drafts/, 'says how to preview drafts');
    const text = readFileSync(file, 'utf8');
    const today = new Date().toISOString().slice(0, 10);
    assert.match(text, new RegExp(`^---\\ntitle: .*\\ndate: ${today}\\ndraft: true\\ndescription: ""\\ntags: \\[\\]\\n---\\n`));

    folioBuild('--content', content, '--out', outDir);
    assert.deepEqual(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')).posts, [], 'a draft is not published');
    folioBuild('--content', content, '--out', outDir, '--drafts');
    const posts = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')).posts;
    assert.equal(posts.length, 1);
    assert.equal(posts[0].title, title, 'the title survives the YAML quoting');
    assert.equal(posts[0].slug, 'cafe-c-quoted-words');
    assert.equal(posts[0].date.slice(0, 10), today);
  }));

test('scripts/new refuses to overwrite, and to run without a usable title or date', () =>
  withContent((content) => {
    execFileSync(NEW, ['--content', content, '--date', '2024-02-03', 'Same title'], { encoding: 'utf8' });
    const file = join(content, 'posts', 'same-title.md');
    writeFileSync(file, 'my words\n');
    const again = spawnSync(NEW, ['--content', content, 'Same  Title!'], { encoding: 'utf8' });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /exists already/);
    assert.equal(readFileSync(file, 'utf8'), 'my words\n', 'the file is untouched');
    for (const args of [[], ['!!!'], ['--date', '3 May', 'A title'], ['--bogus', 'A title']]) {
      const run = spawnSync(NEW, ['--content', content, ...args], { encoding: 'utf8' });
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    }
  }));
