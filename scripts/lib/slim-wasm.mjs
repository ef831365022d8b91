// Two things wasm-bindgen's release output carries that no reader needs, taken out of the wasm
// and its JS glue together (scripts/trunk-post-build runs this, then wasm-opt once more):
//
//   node scripts/lib/slim-wasm.mjs GLUE.js APP_bg.wasm
//
// 1. Long import names. Each function the glue hands the wasm is named like
//    `__wbg_appendChild_5f7c3b1e2d4a6b8c`: the name twice (import section and glue) with 16 hex
//    digits that gzip cannot compress, for about 250 imports: about 7 kB of the gzipped app. They
//    become `a`, `b`, … in both files. A name is replaced only where it occurs exactly once in the
//    glue (as its key in the imports object); anything else stops the script.
// 2. Classes that the wasm exports but nothing can hold. Leptos always enables server_fn's
//    browser client, which brings wasm-streams, whose `#[wasm_bindgen]` classes
//    (IntoUnderlyingSource, …) are wasm exports: exports are roots, so link-time optimisation
//    keeps their code and wasm-bindgen writes a JS class for each, though this app has no server
//    functions and never creates one (about 1.7 kB gzipped). "Never held" is read from the
//    glue, not from a list: instances reach JS only through a class's generated `static __wrap`
//    (Rust hands one over) or its `constructor` (JS makes one). A class with neither is dead,
//    and so are its exports (`<class>_<method>`, `__wbg_<class>_free`).
//
// On any surprise the files are left as they were and the script fails: the build stops rather
// than ship a glue and a wasm that disagree.
import { readFileSync, writeFileSync } from 'node:fs';

const IMPORT = 2; // section ids
const EXPORT = 7;
const [gluePath, wasmPath] = process.argv.slice(2);
if (!gluePath || !wasmPath) {
  console.error('usage: slim-wasm.mjs GLUE.js APP_bg.wasm');
  process.exit(2);
}
const fail = (message) => {
  console.error(`slim-wasm: ${message}; leaving ${gluePath} and ${wasmPath} as they were`);
  process.exit(1);
};

let glue = readFileSync(gluePath, 'utf8');
const sections = readSections(readFileSync(wasmPath));

// 2. Dead classes, out of the glue first, then their exports.
const dead = [...glue.matchAll(/^export class (\w+) \{\n([\s\S]*?)^\}\n/gm)]
  .filter(([, , body]) => !/^\s+static __wrap\(/m.test(body) && !/^\s+constructor\(/m.test(body))
  .map(([, name]) => name);
for (const name of dead) {
  glue = glue
    .replace(new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\n`, 'm'), '')
    .replace(new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'm'), '')
    .replace(new RegExp(`^const ${name}Finalization = [^;]*;\\n`, 'm'), '');
  if (new RegExp(`\\b${name}\\b`).test(glue)) fail(`${name} is still named in the glue after removing its class`);
}
const prefixes = dead.map((name) => name.toLowerCase());
const exports = sections.find((s) => s.id === EXPORT);
const dropped = [];
if (exports && prefixes.length > 0) {
  exports.entries = exports.entries.filter((e) => {
    const isDead = prefixes.some((p) => e.name.startsWith(`${p}_`) || e.name === `__wbg_${p}_free`);
    if (isDead) dropped.push(e.name);
    return !isDead;
  });
  for (const name of dropped) if (new RegExp(`\\bwasm\\.${name}\\b`).test(glue)) fail(`the glue still calls the removed export ${name}`);
}

// 1. Short import names.
const imports = sections.find((s) => s.id === IMPORT)?.entries ?? [];
const isLong = (name) => /^__wb(g|indgen)_/.test(name);
const kept = new Set(imports.filter((e) => !isLong(e.name)).map((e) => e.name));
let renamed = 0;
for (const entry of imports) {
  if (!isLong(entry.name)) continue;
  const short = shortName(renamed++);
  const uses = glue.split(entry.name).length - 1;
  if (uses !== 1) fail(`the import ${entry.name} occurs ${uses} times in the glue, not once`);
  if (kept.has(short)) fail(`another import is already called ${short}`);
  glue = glue.replace(entry.name, short);
  entry.name = short;
}

writeFileSync(wasmPath, writeSections(sections));
writeFileSync(gluePath, glue);
console.log(`slim-wasm: ${renamed} imports renamed; removed ${dead.join(', ') || 'no classes'} (${dropped.length} exports)`);

/** `a`…`z`, `A`…`Z`, then two letters: names that are valid JS keys and wasm names. */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name += letters[i % letters.length];
    i = Math.floor(i / letters.length);
  } while (i > 0);
  return name;
}

// ------------------------------------------------------------------ the binary format
// Only the import and export sections are decoded (their entries' names); every other section
// is copied byte for byte.

function readSections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) fail('not a wasm module');
  let pos = 8;
  const readU32 = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[pos++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return value >>> 0;
  };
  const readName = () => {
    const length = readU32();
    pos += length;
    return bytes.subarray(pos - length, pos).toString('utf8');
  };
  const out = [{ id: -1, raw: bytes.subarray(0, 8) }];
  while (pos < bytes.length) {
    const start = pos;
    const id = bytes[pos++];
    const size = readU32();
    const end = pos + size;
    if (id === IMPORT || id === EXPORT) {
      const entries = [];
      for (let count = readU32(); count > 0; count--) {
        const module = id === IMPORT ? readName() : null;
        const name = readName();
        const rest = pos;
        if (id === EXPORT) {
          pos++; // kind
          readU32(); // index
        } else {
          skipImportDescription(bytes, () => pos++, readU32);
        }
        entries.push({ module, name, rest: bytes.subarray(rest, pos) });
      }
      if (pos !== end) fail(`section ${id} did not decode to its own length`);
      out.push({ id, entries });
    } else {
      out.push({ id, raw: bytes.subarray(start, end) });
    }
    pos = end;
  }
  return out;
}

/** Skips an import's kind and type (function, table, memory, global, tag). */
function skipImportDescription(bytes, next, readU32) {
  const kind = bytes[next()];
  const limits = () => {
    const flags = bytes[next()];
    readU32();
    if (flags & 1) readU32();
  };
  if (kind === 0) readU32(); // function: type index
  else if (kind === 1) { next(); limits(); } // table: element type, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) { next(); next(); } // global: value type, mutability
  else if (kind === 4) { next(); readU32(); } // tag: attribute, type index
  else fail(`an import of unknown kind ${kind}`);
}

function writeSections(sections) {
  const u32 = (n) => {
    const out = [];
    do {
      let byte = n & 0x7f;
      n >>>= 7;
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
    return Buffer.from(out);
  };
  const name = (s) => {
    const b = Buffer.from(s, 'utf8');
    return [u32(b.length), b];
  };
  const parts = [];
  for (const s of sections) {
    if (s.raw) {
      parts.push(s.raw);
      continue;
    }
    const body = Buffer.concat([
      u32(s.entries.length),
      ...s.entries.flatMap((e) => [...(e.module === null ? [] : name(e.module)), ...name(e.name), e.rest]),
    ]);
    parts.push(Buffer.from([s.id]), u32(body.length), body);
  }
  return Buffer.concat(parts);
}
