// Accessibility: axe-core (WCAG 2.1 A/AA and axe's best practices) finds no violation on any kind
// of page, in the light and the dark theme. The theme is chosen both ways a reader chooses it:
// the system preference (Playwright's colorScheme) and the stored toggle choice.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { useSite, withPage, readDist } from './site.mjs';

const site = useSite();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

function pages() {
  const post = site.manifest.posts[0];
  const tag = site.manifest.posts.find((p) => p.tags.length > 0).tags[0];
  // A word from a title, so the search page has results to check.
  const word = site.manifest.posts[0].title.split(/\s+/).find((w) => w.length > 4) ?? 'the';
  return [
    ['home', '/'],
    ['article', `/posts/${post.slug}`],
    ['tag page', `/tags/${encodeURIComponent(tag)}`],
    ['tags', '/tags'],
    ['archive', '/archive'],
    ['search results', `/search?q=${encodeURIComponent(word)}`],
    ['not found', '/no-such-page'],
  ];
}

/** Waits until the routed page has drawn its heading and nothing is loading any more. */
async function settled(page) {
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'));
  // Transitions (theme colours) must have finished before contrast is measured.
  await page.waitForTimeout(300);
}

function describe(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join(' ')}`).join('\n')}`)
    .join('\n  ');
}

for (const theme of ['light', 'dark']) {
  test(`axe finds no violations on any page in the ${theme} theme`, async () => {
    const found = [];
    for (const [label, path] of pages()) {
      await withPage(
        site,
        async (page) => {
          await page.addInitScript((t) => localStorage.setItem('folio-theme', t), theme);
          await page.open(path);
          await settled(page);
          const shown = await page.evaluate(() => document.documentElement.dataset.theme);
          assert.equal(shown, theme, `${label}: the page did not take the ${theme} theme`);
          const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
          if (violations.length) found.push(`${label} (${path}):\n  ${describe(violations)}`);
        },
        { context: { colorScheme: theme } },
      );
    }
    assert.deepEqual(found, [], `axe violations in the ${theme} theme:\n${found.join('\n')}`);
  });
}

test('on a phone, wide code blocks scroll from the keyboard (axe scrollable-region-focusable)', async () => {
  const post = site.manifest.posts.find((p) => /<pre tabindex="0">/.test(readDist(`bodies/${p.slug}.html`)));
  assert.ok(post, 'a post with a code block');
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.open(`/posts/${post.slug}`);
    await settled(page);
    const scrolling = await page.$$eval('[data-testid="article-body"] pre', (ps) => ps.filter((p) => p.scrollWidth > p.clientWidth).length);
    assert.ok(scrolling > 0, 'a code block is wider than the phone, so the rule has something to check');
    const { violations } = await new AxeBuilder({ page }).withRules(['scrollable-region-focusable']).analyze();
    assert.deepEqual(violations, [], describe(violations));
    // Focused, it shows the focus ring.
    await page.focus('[data-testid="article-body"] pre');
    const outline = await page.$eval('[data-testid="article-body"] pre', (p) => getComputedStyle(p).outlineStyle);
    assert.equal(outline, 'solid');
  });
});

test('heading anchors are targets of at least 24 x 24 px (WCAG 2.5.8): one often follows a link in the heading', async () => {
  const post = site.manifest.posts.find((p) => readDist(`bodies/${p.slug}.html`).includes('class="heading-anchor"'));
  assert.ok(post, 'a post with a heading');
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.open(`/posts/${post.slug}`);
    await settled(page);
    const sizes = await page.$$eval('[data-testid="article-body"] .heading-anchor', (as) =>
      as.map((a) => {
        const r = a.getBoundingClientRect();
        return [Math.round(r.width), Math.round(r.height)];
      }),
    );
    assert.ok(sizes.length > 0);
    for (const [w, h] of sizes) assert.ok(w >= 24 && h >= 24, `an anchor of ${w} x ${h} px`);
  });
});
