// The parts of an article a reader meets (issue 15), on a fixture site of its own: wide tables
// on a phone, paragraphs in table cells, 41 tables with names of their own, inline code,
// footnotes both ways, body h1s below the title and the heading scale, and the code blocks'
// copy button.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { useSite, withPage, waitForArticle } from './site.mjs';
import { useFixtureSite, post } from './fixture-site.mjs';

const site = useSite();
const PHONE = { width: 390, height: 844 };

const WIDE_ROW = (cell) => `| ${Array.from({ length: 8 }, (_, i) => `${cell}${i}`).join(' | ')} |`;
const TABLES = [
  'A table wider than a phone:',
  '',
  WIDE_ROW('Heading'),
  `|${' --- |'.repeat(8)}`,
  WIDE_ROW('Measurement'),
  WIDE_ROW('Observation'),
  '',
  'A table whose cells hold paragraphs:',
  '',
  '<table><tr><td><p>First paragraph.</p><p>Second paragraph.</p></td><td>Beside it</td></tr></table>',
  '',
  'Slices (`&[u8]`) in a narrow cell:',
  '',
  '| Type | Meaning of the type in words that take room |',
  '| --- | --- |',
  '| `[u8]` `&[u8]` `Vec<u8>` | Bytes, borrowed or owned, each of them written as code in this cell |',
].join('\n');

// 41 tables: one with a caption, twenty with the same header cells, twenty with none.
const MANY_TABLES = [
  '<table><caption>Release dates</caption><tr><td>1.0</td></tr></table>',
  ...Array.from({ length: 20 }, (_, i) => `| Name | Value |\n| --- | --- |\n| n${i} | ${i} |`),
  ...Array.from({ length: 20 }, (_, i) => `|   |   |\n| --- | --- |\n| x${i} | ${i} |`),
].join('\n\n');

const RUST = 'fn main() {\n    let bytes: &[u8] = b"hi";\n    println!("{bytes:?} <ok> & done");\n}';
const LONG_CODE = 'x'.repeat(3000);
// A terminal session: two commands (the second continued on a second line) and their output.
const SESSION = '$ cargo new hello\n     Created binary (application) `hello` package\n$ cd hello && \\\n    cargo run\nHello, world!';
const CODE = [
  `Each of \`[u8]\`, \`&[u8]\`, \`Vec<u8>\`, \`Option<T>\` and \`[u8; 4]\` stays whole, ${'and the line goes on '.repeat(8)}with \`&mut [u8]\` at the end.`,
  '',
  `A very long span: \`${LONG_CODE}\`.`,
  '',
  '```rust',
  RUST,
  '```',
  '',
  '```sh',
  'cargo build --release',
  '```',
  '',
  '```console',
  SESSION,
  '```',
].join('\n');

const NOTES = [
  'First claim.[^a] Second claim.[^b] The first again.[^a]',
  '',
  `${'Filler paragraph so that the notes are far below. '.repeat(40)}`,
  '',
  '[^a]: The note referenced twice.',
  '[^b]: The note referenced once.',
].join('\n');

const HEADINGS = [
  '# Part one',
  '',
  'Text of part one.',
  '',
  '## A detail',
  '',
  'Text of the detail.',
  '',
  '### A smaller point',
  '',
  'Body text beside the h4.',
  '',
  '<h1>Raw part</h1>',
  '',
  '# Part two',
  '',
  'The end.',
].join('\n');

const fixture = useFixtureSite(site, 'articles', (write) => {
  write('posts/tables.md', post('Tables', '2024-01-05', TABLES));
  write('posts/many-tables.md', post('Many tables', '2024-01-04', MANY_TABLES));
  write('posts/code.md', post('Code', '2024-01-03', CODE));
  write('posts/notes.md', post('Notes', '2024-01-02', NOTES));
  write('posts/headings.md', post('Headings', '2024-01-01', HEADINGS));
});

/** Screenshots of a strip `width` px wide inside the left or right edge of `box`, with the
 * element's background as styled and without it (set through the CSSOM, which the CSP allows):
 * whether the background draws anything there. */
async function backgroundShowsAt(page, selector, side) {
  const box = await page.locator(selector).first().boundingBox();
  const x = side === 'left' ? box.x + 2 : box.x + box.width - 10;
  const clip = { x, y: box.y, width: 8, height: box.height };
  const styled = await page.screenshot({ clip });
  await page.$eval(selector, (e) => { e.style.backgroundImage = 'none'; });
  const bare = await page.screenshot({ clip });
  await page.$eval(selector, (e) => { e.style.backgroundImage = ''; });
  return !styled.equals(bare);
}

test('on a phone a wide table scrolls in its box, with a shadow on each side that has more table', async () => {
  const s = await fixture.site();
  for (const theme of ['light', 'dark']) {
    await withPage(s, async (page) => {
      await page.open('/posts/tables');
      await waitForArticle(page);
      const wrap = '[data-testid="article-body"] .table-wrap';
      const sizes = await page.$eval(wrap, (w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
      assert.ok(sizes.scroll > sizes.client + 100, `the table is wider than the phone (${JSON.stringify(sizes)})`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the page itself does not scroll sideways');
      assert.equal(await backgroundShowsAt(page, wrap, 'right'), true, `${theme}: a shadow where more table is`);
      assert.equal(await backgroundShowsAt(page, wrap, 'left'), false, `${theme}: no shadow at the table's start`);
      await page.$eval(wrap, (w) => { w.scrollLeft = w.scrollWidth; });
      assert.equal(await backgroundShowsAt(page, wrap, 'left'), true, `${theme}: scrolled to the end, the shadow is on the left`);
      assert.equal(await backgroundShowsAt(page, wrap, 'right'), false, `${theme}: and gone from the right`);
    }, { context: { viewport: PHONE, colorScheme: theme } });
  }
});

test('paragraphs in a table cell start level with the cell beside them', async () => {
  const s = await fixture.site();
  await withPage(s, async (page) => {
    await page.open('/posts/tables');
    await waitForArticle(page);
    const tops = await page.$$eval('[data-testid="article-body"] table', (tables) => {
      const cells = [...tables[1].querySelectorAll('td')];
      const textTop = (node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getClientRects()[0].top;
      };
      return { paragraph: textTop(cells[0].querySelector('p')), text: textTop(cells[1]) };
    });
    assert.ok(Math.abs(tops.paragraph - tops.text) < 1, `first lines level: ${JSON.stringify(tops)}`);
  });
});

test('41 table regions on one page each have a name of their own (axe landmark-unique)', async () => {
  const s = await fixture.site();
  await withPage(s, async (page) => {
    await page.open('/posts/many-tables');
    await waitForArticle(page);
    const names = await page.$$eval('[data-testid="article-body"] .table-wrap[role="region"]', (ws) => ws.map((w) => w.getAttribute('aria-label')));
    assert.equal(names.length, 41);
    assert.equal(new Set(names).size, 41, 'no two names alike');
    assert.equal(names[0], 'Table: Release dates');
    assert.equal(names[1], 'Table: Name, Value (table 2 of 41)');
    assert.equal(names[40], 'Table 41 of 41');
    const { violations } = await new AxeBuilder({ page }).withRules(['landmark-unique', 'region', 'scrollable-region-focusable']).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
  });
});

test('short inline code never breaks inside, a very long code span wraps instead of widening the page', async () => {
  const s = await fixture.site();
  for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
    await withPage(s, async (page) => {
      await page.open('/posts/code');
      await waitForArticle(page);
      const split = await page.$$eval('[data-testid="article-body"] :not(pre) > code', (codes) =>
        codes.filter((c) => c.textContent.length < 30 && c.getClientRects().length > 1).map((c) => c.textContent));
      assert.deepEqual(split, [], `short code split across lines at ${viewport.width} px`);
      // And it did end a line somewhere, on the phone: the test has something to check.
      const long = await page.$$eval('[data-testid="article-body"] p > code', (codes) => codes.find((c) => c.textContent.length > 1000).getClientRects().length);
      assert.ok(long > 1, 'the long span wraps');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the page is no wider than the window');
    }, { context: { viewport } });
  }
  // In a narrow table cell too.
  await withPage(s, async (page) => {
    await page.open('/posts/tables');
    await waitForArticle(page);
    const split = await page.$$eval('td code', (codes) => codes.filter((c) => c.getClientRects().length > 1).map((c) => c.textContent));
    assert.deepEqual(split, []);
  }, { context: { viewport: PHONE } });
});

test('footnotes link back to each place they are referenced, by keyboard', async () => {
  const s = await fixture.site();
  await withPage(s, async (page) => {
    await page.open('/posts/notes');
    await waitForArticle(page);
    const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
    const inView = (id) => page.$eval(`[id="${id}"]`, (e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
    // The second reference to note a: Enter goes to the note...
    await page.focus('#fnref-a-2 a');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#a');
    // ...whose back-links (one per reference, each named) are the next stops for Tab.
    const backs = await page.$$eval('[id="a"] a.footnote-backref', (as) => as.map((a) => [new URL(a.href).hash, a.getAttribute('aria-label')]));
    assert.deepEqual(backs, [['#fnref-a', 'Back to reference 1 (1 of 2)'], ['#fnref-a-2', 'Back to reference 1 (2 of 2)']]);
    await page.focus('[id="a"] a.footnote-backref');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Back to reference 1 (2 of 2)');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#fnref-a-2');
    assert.equal(await hash(), '#fnref-a-2');
    assert.equal(await inView('fnref-a-2'), true, 'the reference is on screen');
    // The note referenced once has one way back.
    assert.equal(await page.locator('[id="b"] a.footnote-backref').count(), 1);
  });
});

test('body h1s sit below the page title with the outline kept, and h4 is a clear step above the text', async () => {
  const s = await fixture.site();
  await withPage(s, async (page) => {
    await page.open('/posts/headings');
    await waitForArticle(page);
    assert.equal(await page.locator('h1').count(), 1, 'one h1: the title');
    const outline = await page.$$eval('[data-testid="article-body"] :is(h2, h3, h4, h5, h6)', (hs) => hs.map((h) => `${h.localName} ${h.firstChild.textContent.trim()}`));
    assert.deepEqual(outline, ['h2 Part one', 'h3 A detail', 'h4 A smaller point', 'h2 Raw part', 'h2 Part two']);
    // The table of contents follows: its links reach the headings, nested as they are.
    const toc = await page.$$eval('.toc a', (as) => as.map((a) => [new URL(a.href).hash, a.closest('ol').parentElement.closest('ol') ? 'inner' : 'outer']));
    assert.deepEqual(toc, [['#part-one', 'outer'], ['#a-detail', 'inner'], ['#a-smaller-point', 'inner'], ['#part-two', 'outer']]);
    const style = await page.$eval('[data-testid="article-body"] h4', (h) => {
      const p = h.nextElementSibling;
      const [hs, ps] = [getComputedStyle(h), getComputedStyle(p)];
      return { h4: parseFloat(hs.fontSize), p: parseFloat(ps.fontSize), weight: Number(hs.fontWeight) };
    });
    assert.ok(style.h4 >= style.p * 1.1, `h4 ${style.h4}px against body ${style.p}px`);
    assert.ok(style.weight >= 600, `h4 weight ${style.weight}`);
  });
});

test('a code block has a copy button: the code on the clipboard, "Copied" announced, by keyboard', async () => {
  const s = await fixture.site();
  await withPage(s, async (page) => {
    await page.open('/posts/code');
    await waitForArticle(page);
    const block = page.locator('[data-testid="article-body"] .code-block').first();
    const button = block.locator('button.copy-code');
    assert.equal(await button.getAttribute('aria-label'), 'Copy code');
    assert.equal(await block.locator('.copy-status').getAttribute('aria-live'), 'polite');
    await button.focus();
    await page.keyboard.press('Enter');
    await block.locator('.copy-status', { hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${RUST}\n`);
    // The second block, by Space: its own code, its own status.
    const second = page.locator('[data-testid="article-body"] .code-block').nth(1);
    await second.locator('button').focus();
    await page.keyboard.press('Space');
    await second.locator('.copy-status', { hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'cargo build --release\n');
    // The status empties again, so the next copy is announced anew.
    await block.locator('.copy-status:empty').waitFor({ state: 'attached' });
    // A terminal session gives its commands, without prompts or output.
    const session = page.locator('[data-testid="article-body"] .code-block').nth(2);
    assert.equal(await session.locator('.hl-prompt').count(), 2);
    await session.locator('button').click();
    await session.locator('.copy-status', { hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'cargo new hello\ncd hello && \\\n    cargo run\n');
  }, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
});

test('on the prerendered page the first click on a copy button copies too', async () => {
  const s = await fixture.site();
  await withPage(s, async (page) => {
    await page.open('/posts/code', { live: false });
    await page.waitForSelector('html[data-app="ready"]', { state: 'attached' });
    await page.click('[data-folio-root="prerendered"] .copy-code');
    await page.waitForSelector('html[data-app="live"]', { state: 'attached' });
    await page.locator('.copy-status', { hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${RUST}\n`);
  }, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
});

test('without JavaScript the copy button is not shown, and the code is', async () => {
  const s = await fixture.site();
  await withPage(s, async (page) => {
    await page.open('/posts/code');
    assert.equal(await page.locator('.copy-code').first().isVisible(), false);
    assert.equal(await page.locator('[data-testid="article-body"] pre').first().isVisible(), true);
  }, { context: { javaScriptEnabled: false } });
});

test('axe finds no violations on these articles, in both themes, with a copy announced', async () => {
  const s = await fixture.site();
  const found = [];
  for (const theme of ['light', 'dark']) {
    for (const slug of ['tables', 'code', 'notes', 'headings']) {
      await withPage(s, async (page) => {
        await page.open(`/posts/${slug}`);
        await waitForArticle(page);
        if (slug === 'code') {
          await page.click('.copy-code');
          await page.locator('.copy-status', { hasText: 'Copied' }).first().waitFor();
        }
        await page.waitForTimeout(300);
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze();
        for (const v of violations) found.push(`${theme} ${slug}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }, { context: { colorScheme: theme, permissions: ['clipboard-read', 'clipboard-write'] } });
    }
  }
  assert.deepEqual(found, []);
});
