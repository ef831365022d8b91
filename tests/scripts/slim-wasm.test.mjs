// scripts/lib/slim-wasm.mjs on a small module written here byte by byte, checked by the JS
// engine's own wasm decoder (WebAssembly.Module): short import names in the wasm and the glue,
// dead classes and their exports gone, live ones kept, and on any disagreement nothing written.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/lib/slim-wasm.mjs');
const FOO = '__wbg_foo_0123456789abcdef';
const BAR = '__wbindgen_bar_fedcba9876543210';

const u32 = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const name = (s) => [...u32(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, entries) => {
  const body = [...u32(entries.length), ...entries.flat()];
  return [id, ...u32(body.length), ...body];
};

/** A module importing FOO and BAR and a memory, defining one function, exporting `exports`. */
function module(exports) {
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [[0x60, 0x00, 0x00]]), // type 0: () -> ()
    ...section(2, [
      [...name('./app_bg.js'), ...name(FOO), 0x00, 0x00],
      [...name('./app_bg.js'), ...name(BAR), 0x00, 0x00],
      [...name('env'), ...name('memory'), 0x02, 0x00, 0x01],
    ]),
    ...section(3, [[0x00]]), // function 2 has type 0
    ...section(7, exports.map((e) => [...name(e), 0x00, 0x02])),
    ...section(10, [[0x02, 0x00, 0x0b]]), // its body: no locals, end
  ]);
}

const glueFor = (extra = '') => `export class IntoUnderlyingSink {
    free() {
        wasm.__wbg_intounderlyingsink_free(this.__wbg_ptr, 0);
    }
    write(chunk) {
        return wasm.intounderlyingsink_write(this.__wbg_ptr, chunk);
    }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;

export class Handle {
    static __wrap(ptr) {
        const obj = Object.create(Handle.prototype);
        obj.__wbg_ptr = ptr;
        return obj;
    }
    free() {
        wasm.__wbg_handle_free(this.__wbg_ptr, 0);
    }
}
function imports() {
    const import0 = {
        __proto__: null,
        ${FOO}: function() {},
        ${BAR}: function() {},
    };
    return { "./app_bg.js": import0 };
}
const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));
${extra}`;

const EXPORTS = ['main', '__wbg_intounderlyingsink_free', 'intounderlyingsink_write', '__wbg_handle_free', 'handle_get'];

function run(glue, wasm) {
  const dir = mkdtempSync(join(tmpdir(), 'folio-slim-'));
  try {
    writeFileSync(join(dir, 'app.js'), glue);
    writeFileSync(join(dir, 'app_bg.wasm'), wasm);
    const r = spawnSync(process.execPath, [SCRIPT, join(dir, 'app.js'), join(dir, 'app_bg.wasm')], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, glue: readFileSync(join(dir, 'app.js'), 'utf8'), wasm: readFileSync(join(dir, 'app_bg.wasm')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('imports get short names in the wasm and the glue, dead classes go with their exports, live ones stay', () => {
  const before = module(EXPORTS);
  new WebAssembly.Module(before); // the fixture itself is valid
  const out = run(glueFor(), before);
  assert.equal(out.status, 0, out.stderr);
  const m = new WebAssembly.Module(out.wasm);
  assert.deepEqual(WebAssembly.Module.imports(m).map((i) => `${i.module} ${i.name}`), ['./app_bg.js a', './app_bg.js b', 'env memory']);
  assert.deepEqual(WebAssembly.Module.exports(m).map((e) => e.name), ['main', '__wbg_handle_free', 'handle_get']);
  assert.ok(!out.glue.includes(FOO) && !out.glue.includes(BAR), 'the long names are gone from the glue');
  assert.match(out.glue, /\ba: function\(\) \{\},\n\s+b: function\(\) \{\},/);
  assert.ok(!/IntoUnderlyingSink/.test(out.glue), 'the dead class, its dispose line and its registry are gone');
  assert.match(out.glue, /export class Handle \{/, 'a class Rust can hand over stays');
  assert.ok(out.wasm.length < before.length);
});

test('a glue that disagrees with the wasm stops the script and leaves both files alone', () => {
  const wasm = module(EXPORTS);
  // The import's name also used elsewhere in the glue: replacing it could break that use.
  const twice = glueFor(`const again = "${FOO}";\n`);
  const a = run(twice, wasm);
  assert.equal(a.status, 1);
  assert.match(a.stderr, /occurs 2 times/);
  assert.equal(a.glue, twice);
  assert.deepEqual(a.wasm, wasm);
  // The dead class named after its removal (something could still create one).
  const named = glueFor('const keep = IntoUnderlyingSink;\n');
  const b = run(named, wasm);
  assert.equal(b.status, 1);
  assert.match(b.stderr, /still named/);
  assert.equal(b.glue, named);
  // Not a wasm module at all.
  const c = run(glueFor(), Buffer.from('not wasm'));
  assert.equal(c.status, 1);
  assert.match(c.stderr, /not a wasm module/);
});
