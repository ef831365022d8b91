// scripts/lib/precompress.mjs: .br and .gz copies of the same bytes beside each compressible file
// of 1 kB or more, taken from the cache on a rebuild, and with --previous, a file hard-linked to
// the replaced build's file takes that build's copies as they are (the same inodes), while a
// changed file gets copies of its new bytes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { precompress } from '../../scripts/lib/precompress.mjs';

const page = (words) => `<!doctype html><p>${Array.from({ length: 400 }, (_, i) => `${words} ${i}`).join(' ')}</p>`;
const ino = (path) => statSync(path).ino;

function assertCopies(file) {
  const bytes = readFileSync(file);
  assert.ok(brotliDecompressSync(readFileSync(`${file}.br`)).equals(bytes), `${file}.br`);
  assert.ok(gunzipSync(readFileSync(`${file}.gz`)).equals(bytes), `${file}.gz`);
}

test('a rebuild takes the previous build’s copies of linked files and compresses changed ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-precompress-'));
  try {
    const cache = join(dir, 'cache');
    const first = join(dir, 'first');
    mkdirSync(join(first, 'posts'), { recursive: true });
    writeFileSync(join(first, 'posts/kept.html'), page('kept'));
    writeFileSync(join(first, 'posts/edited.html'), page('before'));
    writeFileSync(join(first, 'small.html'), '<p>tiny</p>');
    const made = await precompress(first, { cache });
    assert.equal(made.written, 4, 'two files of 1 kB or more, two copies each');
    assert.throws(() => statSync(join(first, 'small.html.br')), 'no copy of a file under 1 kB');
    assertCopies(join(first, 'posts/kept.html'));

    const second = join(dir, 'second');
    mkdirSync(join(second, 'posts'), { recursive: true });
    linkSync(join(first, 'posts/kept.html'), join(second, 'posts/kept.html'));
    writeFileSync(join(second, 'posts/edited.html'), page('after'));
    const again = await precompress(second, { cache, previous: first });
    assert.equal(again.reused, 2, 'the linked file’s two copies come from the previous build');
    assert.equal(again.made, 2, 'the edited file is compressed anew');
    assert.equal(ino(join(second, 'posts/kept.html.br')), ino(join(first, 'posts/kept.html.br')));
    assert.equal(ino(join(second, 'posts/kept.html.gz')), ino(join(first, 'posts/kept.html.gz')));
    assertCopies(join(second, 'posts/kept.html'));
    assertCopies(join(second, 'posts/edited.html'));
    assertCopies(join(first, 'posts/edited.html'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
