// Runs the benchmark's queries through the search module compiled to wasm, as the app would:
// root, then the parts each query needs (fetched from disk here), then the search; reports
// per-query search time (parse + rank, parts already loaded) and load (decode) times.
//
// node bench.mjs INDEX_DIR QUERIES_JSON [WASM]
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const [dir, queriesFile, wasmArg] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);
const wasmPath = wasmArg || path.join(here, 'target/wasm32-unknown-unknown/release/folio_search_wasm_bench.wasm');
const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {});
const w = instance.exports;
const enc = new TextEncoder(), dec = new TextDecoder();

function put(bytes) {
  const p = w.alloc(bytes.length);
  new Uint8Array(w.memory.buffer, p, bytes.length).set(bytes);
  return [p, bytes.length];
}
const out = (len) => dec.decode(new Uint8Array(w.memory.buffer, w.out_ptr(), len));

const rootBytes = fs.readFileSync(path.join(dir, 'search/index.bin'));
let t = performance.now();
if (w.open(...put(rootBytes)) !== 0) throw new Error('root does not decode');
const rootMs = performance.now() - t;

const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8')).queries;
const times = [], decodeMs = [];
let parts = 0;
// First pass: load the parts every query needs. Second pass, timed: a keystroke's work.
for (const q of queries) {
  const qb = put(enc.encode(q.q));
  for (;;) {
    const need = out(w.needed(...qb)).split('\n').filter(Boolean);
    if (!need.length) break;
    for (const p of need) {
      const pb = put(enc.encode(p)), bb = put(fs.readFileSync(path.join(dir, p)));
      const t0 = performance.now();
      if (w.add(...pb, ...bb) !== 0) throw new Error(`bad part ${p}`);
      decodeMs.push(performance.now() - t0);
      parts++;
    }
  }
}
for (const q of queries) {
  const qb = put(enc.encode(q.q));
  const t0 = performance.now();
  if (w.needed(...qb) !== 0) throw new Error('parts missing in the timed pass');
  w.run(...qb);
  times.push(performance.now() - t0);
  if (process.env.SLOW && times[times.length - 1] > Number(process.env.SLOW)) console.log(`slow ${times[times.length - 1].toFixed(2)} ms: ${q.q}`);
}
times.sort((a, b) => a - b);
decodeMs.sort((a, b) => a - b);
const pct = (v, p) => v[Math.min(v.length - 1, Math.round((v.length - 1) * p))];
console.log(`wasm ${fs.statSync(wasmPath).size} bytes; ${queries.length} queries`);
console.log(`search (parse + needed_parts + search, parts loaded): p50 ${pct(times, 0.5).toFixed(3)} ms, p95 ${pct(times, 0.95).toFixed(3)} ms, max ${times[times.length - 1].toFixed(3)} ms`);
console.log(`load: root ${rootMs.toFixed(3)} ms; ${parts} parts decoded, each p50 ${pct(decodeMs, 0.5).toFixed(3)} ms, p95 ${pct(decodeMs, 0.95).toFixed(3)} ms, total ${decodeMs.reduce((a, b) => a + b, 0).toFixed(1)} ms`);
