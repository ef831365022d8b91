// How well could any ranking do on the benchmark's known-item queries? An "oracle" that knows
// exactly how the benchmark's generator (../shared/bench/search/scripts/queries.mjs) made each
// query ranks every post by the probability that the generator, started from that post, would
// have written that query. Its MRR@10 is the ceiling for a search engine that does not model
// the generator: posts with the same probability (templated posts, near-identical titles) are
// tied, and a tie of k posts is worth its expected reciprocal rank in random order.
//
// It sets Folio's ranks (from `search_eval --dump`) beside the ceiling, per query kind:
//
//   cargo run --release -p folio-core --example search_eval -- --corpus rust-blog --dump /tmp/dump
//   node scripts/search/ceiling.mjs --dump /tmp/dump/rust-blog.jsonl \
//        [--docs ../shared/bench/search/data/rust-blog.json] \
//        [--queries ../shared/bench/search/data/rust-blog.queries.json] [--show prefix]
//
// The model, as the generator's README and source describe it (a query is made from one post):
// - title: 2 or 3 (coin flip, at most all) of the title's distinct content words, in title order;
// - body: 2 or 3 of the post's 10 most distinctive body words (tf-idf, letters only, >= 4
//   letters, not title words, in at most 15% of posts, tf >= 2 if at least 3 such words),
//   drawn in proportion to their tf-idf, written in order of first occurrence;
// - typo: a title or body query (coin flip) with one word misspelled: scored as that query with
//   the original word put back (the edit is equally likely from every post);
// - prefix: a title or body query whose last word (>= 5 letters) is cut: scored as the sum
//   over the post's possible original words with that beginning.
// Only this analysis reads the generator's rules: the search engine itself never does.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bench = join(here, '../../../shared/bench/search');
const { tokens, STOP } = await import(join(bench, 'scripts/lib.mjs'));

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dumpFile = opt('--dump');
if (!dumpFile) {
  console.error('usage: node scripts/search/ceiling.mjs --dump FILE.jsonl [--docs F] [--queries F] [--show KIND]');
  process.exit(2);
}
const docs = JSON.parse(readFileSync(opt('--docs', join(bench, 'data/rust-blog.json')), 'utf8'));
const queries = JSON.parse(readFileSync(opt('--queries', join(bench, 'data/rust-blog.queries.json')), 'utf8')).queries;
const dump = readFileSync(dumpFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const show = opt('--show');
if (dump.length !== queries.length || dump.some((d, i) => d.q !== queries[i].q)) {
  throw new Error(`${dumpFile} does not hold these queries in order (${dump.length} lines, ${queries.length} queries)`);
}

const MAX_DF = 0.15;
const isAlpha = (w) => /^[a-z]+$/.test(w);
const titleWord = (w) => !STOP.has(w) && w.length >= 2 && (/[a-z]/.test(w) || /^\d{2,}$/.test(w));

// Document frequencies over title, body and summary, as the generator counts them.
const docFreq = new Map();
const tokenized = docs.map((d) => {
  const title = tokens(d.title);
  const body = tokens(d.body);
  const tf = new Map();
  for (const w of body) tf.set(w, (tf.get(w) || 0) + 1);
  for (const w of new Set([...title, ...body, ...tokens(d.summary || '')])) docFreq.set(w, (docFreq.get(w) || 0) + 1);
  return { title, body, tf };
});

/** Per post: its title content words and its body candidates with their tf-idf. */
const models = tokenized.map(({ title, body, tf }) => {
  if (body.length < 20) return null; // the generator never samples stub posts
  let titleWords = [...new Set(title.filter(titleWord))];
  if (titleWords.length < 2) titleWords = [...new Set(title.filter((w) => w.length >= 2))];
  const inTitle = new Set(title);
  const candidates = (minTf) =>
    [...tf.entries()]
      .filter(([w, c]) => c >= minTf && isAlpha(w) && w.length >= 4 && !STOP.has(w) && !inTitle.has(w) && docFreq.get(w) <= MAX_DF * docs.length)
      .map(([w, c]) => [w, (1 + Math.log(c)) * Math.log(docs.length / docFreq.get(w))])
      .filter(([, s]) => s > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 10);
  let bodyWords = candidates(2);
  if (bodyWords.length < 3) bodyWords = candidates(1);
  const firstAt = new Map();
  body.forEach((w, i) => firstAt.has(w) || firstAt.set(w, i));
  return { titleWords, bodyWeights: new Map(bodyWords), bodyTotal: bodyWords.reduce((a, [, s]) => a + s, 0), firstAt };
});

const choose = (n, k) => { let r = 1; for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1); return r; };
const permutations = (xs) => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
// P(the coin gives k words | n available): k is 2 or 3, cut to n.
const pCount = (n, k) => [2, 3].filter((c) => Math.min(c, n) === k).length * 0.5;
const inOrder = (positions) => positions.every((p, i) => i === 0 || p > positions[i - 1]);

function pTitle(m, words) {
  const n = m.titleWords.length;
  if (n < 2 || !words.every((w) => m.titleWords.includes(w))) return 0;
  if (!inOrder(words.map((w) => m.titleWords.indexOf(w)))) return 0;
  return pCount(n, words.length) / choose(n, words.length);
}

function pBody(m, words) {
  const n = m.bodyWeights.size;
  if (n < 2 || !words.every((w) => m.bodyWeights.has(w))) return 0;
  if (!inOrder(words.map((w) => m.firstAt.get(w)))) return 0;
  // Weighted draws without replacement, in any order (the query is then sorted).
  let p = 0;
  for (const order of permutations(words)) {
    let left = m.bodyTotal;
    let q = 1;
    for (const w of order) {
      q *= m.bodyWeights.get(w) / left;
      left -= m.bodyWeights.get(w);
    }
    p += q;
  }
  return pCount(n, words.length) * p;
}

function pQuery(m, query) {
  if (!m) return 0;
  const words = query.q.split(' ');
  switch (query.kind) {
    case 'title':
    case 'body':
      // A search box is not told which kind of query it got: either route may have written it.
      return 0.5 * pTitle(m, words) + 0.5 * pBody(m, words);
    case 'typo': {
      const at = words.findIndex((w) => !docFreq.has(w)); // the misspelling is never a corpus word
      if (at < 0) return 0;
      const fixed = words.map((w, i) => (i === at ? query.original : w));
      return 0.5 * pTitle(m, fixed) + 0.5 * pBody(m, fixed);
    }
    case 'prefix': {
      const start = words[words.length - 1];
      const completions = (ws) => [...new Set(ws)].filter((w) => w.length >= 5 && isAlpha(w) && w.startsWith(start));
      const whole = (w) => [...words.slice(0, -1), w];
      return (
        completions(m.titleWords).reduce((p, w) => p + 0.5 * pTitle(m, whole(w)), 0) +
        completions([...m.bodyWeights.keys()]).reduce((p, w) => p + 0.5 * pBody(m, whole(w)), 0)
      );
    }
    default:
      throw new Error(`unknown query kind ${query.kind}`);
  }
}

/** Expected reciprocal rank (0 past 10) of the target among `better` higher and `tied` equal. */
function expectedRR(better, tied) {
  let sum = 0;
  for (let r = 1; r <= tied; r++) if (better + r <= 10) sum += 1 / (better + r);
  return sum / tied;
}

const slugIndex = new Map(docs.map((d, i) => [d.slug, i]));
const byKind = new Map();
queries.forEach((query, i) => {
  const p = models.map((m) => pQuery(m, query));
  const target = p[slugIndex.get(query.target)];
  const same = (x) => Math.abs(x - target) <= target * 1e-9;
  const ceiling = target > 0 ? expectedRR(p.filter((x) => x > target && !same(x)).length, p.filter(same).length) : 0;
  const ours = dump[i].rank > 0 && dump[i].rank <= 10 ? 1 / dump[i].rank : 0; // MRR@10; the dump ranks up to 100
  const k = byKind.get(query.kind) || { n: 0, ours: 0, ceiling: 0 };
  byKind.set(query.kind, { n: k.n + 1, ours: k.ours + ours, ceiling: k.ceiling + ceiling });
  if (show === query.kind && ceiling - ours > 0.3) {
    console.log(`  "${query.q}": Folio rank ${dump[i].rank || '>100'}, ceiling ${ceiling.toFixed(2)} | ${docs[slugIndex.get(query.target)].title}`);
  }
});

console.log('| kind | queries | Folio MRR@10 | ceiling | Folio / ceiling |');
console.log('|---|---|---|---|---|');
const all = { n: 0, ours: 0, ceiling: 0 };
for (const [kind, k] of [...byKind, ['all', all]]) {
  if (kind !== 'all') for (const f of ['n', 'ours', 'ceiling']) all[f] += k[f];
  console.log(`| ${kind} | ${k.n} | ${(k.ours / k.n).toFixed(3)} | ${(k.ceiling / k.n).toFixed(3)} | ${(k.ours / k.ceiling).toFixed(3)} |`);
}
