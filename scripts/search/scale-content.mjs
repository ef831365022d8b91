// Writes the search benchmark's 10,000-post speed corpus (its out/scale.json, made by the
// benchmark's scripts/scale.mjs) as a Zola content folder, one Markdown post per document, so the
// site can be built from it (a measurement input, never part of the project).
//
//   node scripts/search/scale-content.mjs /tmp/bench-search/out/scale.json /tmp/scale-content
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [source, out] = process.argv.slice(2);
if (!source || !out) {
  console.error('usage: node scripts/search/scale-content.mjs SCALE_JSON OUT_DIR');
  process.exit(2);
}
const docs = JSON.parse(readFileSync(source, 'utf8'));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const quoted = (s) => JSON.stringify(String(s ?? ''));
// Zola wants a real calendar date; the corpus has a few that are not.
const dateOf = (d) => {
  const day = String(d.date ?? '').slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !isNaN(parsed) && parsed.toISOString().startsWith(day) ? day : '2020-01-01';
};
for (const d of docs) {
  const front = [
    '+++',
    `title = ${quoted(d.title)}`,
    `date = ${dateOf(d)}`,
    `description = ${quoted(d.summary)}`,
    `tags = [${(d.tags ?? []).map(quoted).join(', ')}]`,
    '+++',
  ].join('\n');
  writeFileSync(join(out, `${d.slug}.md`), `${front}\n${d.body}\n`);
}
console.log(`wrote ${docs.length} posts to ${out}`);
