// Search on a fixture site of its own, larger than the sample: the exact count of a broad
// query, "Show more" (by keyboard) with a snippet for every result shown, the tag filter kept in
// the URL through a reload and Back, and one Chinese character found wherever it stands, a title
// holding it first, only it marked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage } from './site.mjs';
import { useFixtureSite } from './fixture-site.mjs';

const site = useSite();
const RESULTS = '[data-testid="search-results"]';
const RESULT_LINKS = `${RESULTS} a[data-result]`;
const STATUS = '[data-testid="search-status"]';

// 45 posts name the lighthouse in their second paragraph only (so a marked excerpt is a snippet,
// not the description); every third is tagged `lamps`.
const BROAD = 45;
const TAGGED = 15;
const CAT_POSTS = [
  ['owls-1', '猫头鹰观察记', '夜里的猫头鹰很安静。猫头鹰吃老鼠，猫头鹰会飞。'],
  ['owls-2', '再看猫头鹰', '猫头鹰在树上。我们拍了猫头鹰的照片，猫头鹰看着我们。'],
  ['carmack-cat', '卡马克的猫', '他养了一只猫，每天写代码。'],
  ['weekend', '周末', '我们在公园看见一只小猫、一只狗和几只鸟。'],
  ['cartoon', '动画', '小时候最喜欢的动画是机器猫。'],
];

const post = (title, date, tags, description, body) =>
  `+++\ntitle = "${title}"\ndate = "${date}"\ndescription = "${description}"\n[taxonomies]\ntags = ${JSON.stringify(tags)}\n+++\n${body}\n`;

const fixture = useFixtureSite(site, 'search', (write) => {
  for (let i = 0; i < BROAD; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const tags = i % 3 === 0 ? ['lamps', 'sea'] : ['sea'];
    const intro = `Notes number ${i} on walking the coast path in winter, with the wind from the west and the tide going out slowly over the flats.`;
    write(
      `posts/coast-${i}.md`,
      post(`Coast notes ${i}`, `2024-0${(i % 9) + 1}-${day}`, tags, `A walk on the coast, part ${i}.`, `${intro}\n\nAt dusk the lighthouse came on, and we turned back.`),
    );
  }
  CAT_POSTS.forEach(([slug, title, body], i) => {
    write(`posts/${slug}.md`, post(title, `2023-01-0${i + 1}`, ['zh'], '一篇短文。', body));
  });
});
const fixtureSite = () => fixture.site();

const resultCount = (page) => page.$$eval(RESULT_LINKS, (as) => as.length);

test('a broad query says exactly how many posts match, and Show more reaches them all, each with its snippet', async () => {
  const s = await fixtureSite();
  await withPage(s, async (page) => {
    await page.open('/search?q=lighthouse');
    await page.waitForFunction((sel) => /^45 posts found/.test(document.querySelector(sel)?.textContent ?? ''), STATUS);
    assert.equal(await resultCount(page), 20);
    // By keyboard: focus the button and press Enter; the focus moves to the first new result.
    for (const shown of [40, BROAD]) {
      await page.focus('[data-testid="show-more"]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [RESULT_LINKS, shown]);
      const focusedIndex = await page.evaluate((sel) => [...document.querySelectorAll(sel)].indexOf(document.activeElement), RESULT_LINKS);
      assert.equal(focusedIndex, shown === 40 ? 20 : 40, 'focus is on the first new result');
    }
    assert.equal(await page.locator('[data-testid="show-more"]').count(), 0, 'nothing more to show');
    // After a pause every shown result has a snippet: the description lacks the word, so a
    // marked excerpt comes from the post's text.
    await page.waitForFunction(
      ([sel, n]) => [...document.querySelectorAll(`${sel} .excerpt`)].filter((e) => e.querySelector('mark')?.textContent.toLowerCase() === 'lighthouse').length === n,
      [RESULTS, BROAD],
    );
  });
});

test('the tag filter is in the URL: a reload and Back keep it', async () => {
  const s = await fixtureSite();
  await withPage(s, async (page) => {
    await page.open('/search?q=lighthouse');
    await page.waitForFunction((sel) => /^45 posts found/.test(document.querySelector(sel)?.textContent ?? ''), STATUS);
    const chip = page.locator('.tag-filter button', { hasText: '#lamps' });
    assert.equal(await chip.textContent(), `#lamps (${TAGGED})`, 'chips count every match, not only those shown');
    await chip.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('tag') === 'lamps');
    assert.equal(new URL(page.url()).searchParams.get('q'), 'lighthouse');
    await page.waitForFunction((sel) => /^15 posts found/.test(document.querySelector(sel)?.textContent ?? ''), STATUS);
    assert.equal(await resultCount(page), TAGGED);
    // Open a result, come back: still filtered.
    await page.click(`${RESULT_LINKS} >> nth=0`);
    await page.waitForSelector('[data-testid="article-body"]');
    await page.goBack();
    await page.waitForFunction((sel) => /^15 posts found/.test(document.querySelector(sel)?.textContent ?? ''), STATUS);
    assert.equal(await page.locator('.tag-filter button[aria-pressed="true"]').textContent(), `#lamps (${TAGGED})`);
    // Back from the filter is the unfiltered results (the chip pushed a history entry).
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('tag'));
    await page.waitForFunction((sel) => /^45 posts found/.test(document.querySelector(sel)?.textContent ?? ''), STATUS);
    // A shared link (a fresh load) keeps it too.
    await page.open('/search?q=lighthouse&tag=lamps');
    await page.waitForFunction((sel) => /^15 posts found/.test(document.querySelector(sel)?.textContent ?? ''), STATUS);
    assert.equal(await resultCount(page), TAGGED);
  });
});

test('one Chinese character is found before punctuation, a title holding it ranks first, and only it is marked', async () => {
  const s = await fixtureSite();
  await withPage(s, async (page) => {
    await page.open('/search?q=' + encodeURIComponent('猫'));
    await page.waitForFunction((sel) => /^5 posts found/.test(document.querySelector(sel)?.textContent ?? ''), STATUS);
    const hrefs = await page.$$eval(RESULT_LINKS, (as) => as.map((a) => a.getAttribute('href')));
    const slugs = hrefs.map((h) => decodeURIComponent(h.match(/\/posts\/([^/?#]+)/)[1]));
    assert.equal(slugs[0], 'carmack-cat');
    assert.deepEqual(new Set(slugs), new Set(CAT_POSTS.map((p) => p[0])));
    await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .excerpt mark`).length >= 5, RESULTS);
    const marks = await page.$$eval(`${RESULTS} mark`, (ms) => ms.map((m) => m.textContent));
    assert.ok(marks.length > 0 && marks.every((m) => m === '猫'), JSON.stringify(marks));
  });
});
