// scripts/lib/tool-cache.sh: folio-build is kept per user by the hash of its sources, so a fresh
// clone of the same sources runs the binary another clone built (scripts/serve's first page in
// seconds instead of a 14-minute compile), and any change to them builds it again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Runs `script` in bash with the cache library loaded and FOLIO_ROOT set to `root`. */
function bash(root, script, env = {}) {
  const run = spawnSync('bash', ['-c', `source scripts/lib/setup.sh; source scripts/lib/tool-cache.sh; FOLIO_ROOT="$1"; ${script}`, 'bash', root], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.equal(run.status, 0, `bash failed: ${run.stderr}`);
  return run.stdout.trim();
}

/** A tiny stand-in for the project: what the key reads. */
function fakeProject(dir, libText = 'pub fn f() {}\n') {
  mkdirSync(join(dir, 'crates', 'x', 'src'), { recursive: true });
  writeFileSync(join(dir, 'crates', 'x', 'src', 'lib.rs'), libText);
  writeFileSync(join(dir, 'Cargo.toml'), '[workspace]\nmembers = ["crates/x"]\n');
  writeFileSync(join(dir, 'Cargo.lock'), '# lock\n');
  return dir;
}

/** An executable shell script at `path` that runs `body`. */
function script(path, body) {
  mkdirSync(resolve(path, '..'), { recursive: true });
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

test('the key is the same for the same sources wherever the clone is, and changes with them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-tool-key-'));
  try {
    const a = fakeProject(join(dir, 'a'));
    const b = join(dir, 'elsewhere', 'b');
    cpSync(a, b, { recursive: true });
    const key = (root) => bash(root, 'folio_build_key');
    assert.match(key(a), /^[0-9a-f]{20}$/);
    assert.equal(key(a), key(b), 'a clone in another folder has the same key');
    writeFileSync(join(b, 'crates', 'x', 'src', 'lib.rs'), 'pub fn g() {}\n');
    assert.notEqual(key(a), key(b), 'an edited source is another key');
    const c = fakeProject(join(dir, 'c'));
    writeFileSync(join(c, 'Cargo.lock'), '# another lock\n');
    assert.notEqual(key(a), key(c), 'another lockfile is another key');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cached binary is used without cargo; a missing one is built by cargo and then cached', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-tool-cache-'));
  try {
    const root = fakeProject(join(dir, 'project'));
    const target = join(dir, 'target');
    const cacheDir = join(dir, 'cache');
    const cargoLog = join(dir, 'cargo.log');
    // A stand-in cargo: logs that it ran and "builds" a binary that says which build it is.
    script(join(dir, 'bin', 'cargo'), `echo ran >> "${cargoLog}"\nmkdir -p "${target}/native"\nprintf '#!/bin/sh\\necho built\\n' > "${target}/native/folio-build"\nchmod +x "${target}/native/folio-build"`);
    const env = { PATH: `${join(dir, 'bin')}:${process.env.PATH}`, CARGO_TARGET_DIR: target, FOLIO_CACHE_DIR: cacheDir };
    const key = bash(root, 'folio_build_key', env);

    // Not cached: cargo builds it, and the cache keeps it.
    const bin = bash(root, 'folio_build_binary', env);
    assert.equal(bin, join(target, 'native', 'folio-build'));
    assert.equal(readFileSync(cargoLog, 'utf8'), 'ran\n');
    assert.equal(readFileSync(join(cacheDir, 'folio-build', key, 'folio-build'), 'utf8'), readFileSync(bin, 'utf8'));

    // Cached (another clone built it): copied into place, cargo never runs.
    rmSync(cargoLog);
    script(join(cacheDir, 'folio-build', key, 'folio-build'), 'echo cached');
    assert.equal(bash(root, 'folio_build_binary', env), bin);
    assert.equal(spawnSync(bin, { encoding: 'utf8' }).stdout, 'cached\n');
    assert.equal(existsSync(cargoLog), false, 'cargo did not run');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
