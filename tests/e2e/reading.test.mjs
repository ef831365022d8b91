// Reading and navigating: /tags and /archive, older/newer links, the theme switch (kept across
// reloads, no flash), scroll and focus on route changes, Back, in-page links, one h1 per page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, withPage, readDist, listedPostPaths, waitForHome, waitForArticle } from './site.mjs';

const site = useSite();
const { manifest } = site;
const { posts } = manifest;

/** Tag → number of posts carrying it, from the manifest. */
function tagCounts() {
  const counts = new Map();
  for (const post of posts) {
    for (const tag of new Set(post.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}

const plural = (n) => (n === 1 ? '1 post' : `${n} posts`);

/** Scroll position and focused element once the window has settled. */
async function scrollY(page) {
  return page.evaluate(() => window.scrollY);
}

/** Waits until nothing in the page is loading and the window's scroll position stops moving. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('main [data-testid="loading"]'));
  let last = -1;
  for (let i = 0; i < 20; i += 1) {
    const now = await scrollY(page);
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(50);
  }
  return last;
}

/** How far the element with this id is below where scrolling to it puts it (its scroll margin). */
async function distanceFromLanding(page, id) {
  return page.evaluate((i) => {
    const el = document.getElementById(i);
    return el.getBoundingClientRect().top - parseFloat(getComputedStyle(el).scrollMarginTop || '0');
  }, id);
}

async function focusedHeading(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.localName === 'h1' && el.closest('main') ? el.textContent.trim() : `${el?.localName}`;
  });
}

test('/tags lists every tag once with its post count, most used first, linking to its page', async () => {
  const expected = [...tagCounts()]
    .sort(([a, x], [b, y]) => y - x || a.toLowerCase().localeCompare(b.toLowerCase()) || (a < b ? -1 : 1))
    .map(([tag, n]) => ({ tag: `#${tag}`, count: plural(n), path: site.path(`/tags/${encodeURIComponent(tag)}`) }));
  await withPage(site, async (page) => {
    await page.open('/tags');
    await page.waitForSelector('li[data-testid="tag-count"]');
    const listed = await page.$$eval('li[data-testid="tag-count"]', (items) =>
      items.map((li) => ({
        tag: li.querySelector('a').textContent.trim(),
        count: li.querySelector('[data-testid="count"]').textContent.trim(),
        path: new URL(li.querySelector('a').href).pathname,
      })),
    );
    assert.deepEqual(listed, expected);
    assert.equal((await page.textContent('main h1')).trim(), 'Tags');
    assert.equal(await page.title(), `Tags · ${site.author}`);

    // A tag link opens that tag's page in the app.
    const [tag] = [...tagCounts()].sort(([, x], [, y]) => y - x)[0];
    await page.click(`li[data-testid="tag-count"] a[href$="/tags/${encodeURIComponent(tag)}"]`);
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent.includes(`#${t}`), tag);
    assert.deepEqual(await listedPostPaths(page), site.postPaths(posts.filter((p) => p.tags.includes(tag))));
  });
});

test('/archive groups every post by year, newest first, with each year\'s count', async () => {
  const years = new Map();
  for (const post of [...posts].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))) {
    const year = post.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), post]);
  }
  assert.ok(years.size > 1, 'the sample content spans several years');
  await withPage(site, async (page) => {
    await page.open('/archive');
    await page.waitForSelector('[data-testid="archive-year"]');
    assert.equal((await page.textContent('main h1')).trim(), 'Archive');
    const shown = await page.$$eval('[data-testid="archive-year"]', (sections) =>
      sections.map((s) => ({
        year: s.querySelector('h2 [data-testid="year"]').textContent.trim(),
        count: s.querySelector('h2 [data-testid="count"]').textContent.trim(),
        paths: [...s.querySelectorAll('li[data-testid="post-item"] a')].map((a) => new URL(a.href).pathname),
        dates: [...s.querySelectorAll('li[data-testid="post-item"] time')].map((t) => t.getAttribute('datetime')),
      })),
    );
    assert.deepEqual(
      shown,
      [...years].map(([year, list]) => ({
        year,
        count: plural(list.length),
        paths: site.postPaths(list),
        dates: list.map((p) => p.date),
      })),
    );
  });
});

test('the header has Archive and Tags in the main navigation, and the page landmarks', async () => {
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    const nav = page.locator('header nav[aria-label="Main"]');
    const links = await nav.locator('a').evaluateAll((as) => as.map((a) => [a.textContent.trim(), new URL(a.href).pathname]));
    assert.deepEqual(links, [
      ['Archive', site.path('/archive')],
      ['Tags', site.path('/tags')],
    ]);
    // The app renders into [data-folio-root="app"] (see src/takeover.rs); header and footer are outside <main>.
    for (const landmark of [':is(body, [data-folio-root="app"]) > header', 'main#main', ':is(body, [data-folio-root="app"]) > footer']) {
      assert.equal(await page.locator(landmark).count(), 1, landmark);
    }
    await nav.locator('a', { hasText: 'Archive' }).click();
    await page.waitForSelector('[data-testid="archive-year"]');
    assert.equal(new URL(page.url()).pathname, site.path('/archive'));
    assert.equal(await nav.locator('a[aria-current="page"]').textContent(), 'Archive');
  });
});

test('an article links to the next older and newer posts; the newest and oldest have one link', async () => {
  const last = posts.length - 1;
  const cases = [
    [1, posts[2], posts[0]],
    [0, posts[1], null],
    [last, null, posts[last - 1]],
  ];
  await withPage(site, async (page) => {
    for (const [i, older, newer] of cases) {
      await page.open(`/posts/${posts[i].slug}`);
      await waitForArticle(page);
      const nav = page.locator('nav[data-testid="post-nav"]');
      await nav.waitFor();
      for (const [which, rel, expected] of [
        ['older-post', 'prev', older],
        ['newer-post', 'next', newer],
      ]) {
        const link = nav.locator(`a[data-testid="${which}"]`);
        if (expected === null) {
          assert.equal(await link.count(), 0, `${posts[i].slug} has no ${which}`);
          continue;
        }
        assert.equal(new URL(await link.evaluate((a) => a.href)).pathname, site.path(`/posts/${expected.slug}`));
        assert.equal(await link.getAttribute('rel'), rel);
        assert.equal((await link.locator('.title').textContent()).trim(), expected.title);
      }
    }
    // Following "Older" opens that article in the app.
    await page.open(`/posts/${posts[1].slug}`);
    await waitForArticle(page);
    await page.click('a[data-testid="older-post"]');
    await page.waitForFunction((t) => document.querySelector('article h1')?.textContent.trim() === t, posts[2].title);
    assert.equal(new URL(page.url()).pathname, site.path(`/posts/${posts[2].slug}`));
  });
});

test('an article shows its reading time, its updated date when it has one, and its tags', async () => {
  const post = posts.find((p) => p.updated && p.updated !== p.date) ?? posts[0];
  await withPage(site, async (page) => {
    await page.open(`/posts/${post.slug}`);
    await waitForArticle(page);
    assert.equal((await page.textContent('[data-testid="reading-time"]')).trim(), `${post.reading_minutes} min read`);
    const dates = await page.$$eval('article header time', (ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.deepEqual(dates, post.updated && post.updated !== post.date ? [post.date, post.updated] : [post.date]);
    const tags = await page.$$eval('a[data-testid="tag-link"]', (as) => as.map((a) => a.textContent.trim()));
    assert.deepEqual(tags, post.tags.map((t) => `#${t}`));
  });
});

// Theme

/** Records, before the first paint and at DOMContentLoaded, the theme and background. */
async function watchFirstPaint(page) {
  await page.addInitScript(() => {
    const look = () => ({
      theme: document.documentElement.dataset.theme ?? null,
      background: document.body ? getComputedStyle(document.body).backgroundColor : null,
    });
    window.__folioFirstFrame = null;
    requestAnimationFrame(() => {
      window.__folioFirstFrame = look();
    });
    document.addEventListener('DOMContentLoaded', () => {
      window.__folioDomReady = look();
    });
  });
}

const DARK_BG = 'rgb(21, 23, 26)';
const LIGHT_BG = 'rgb(253, 253, 252)';

test('the theme follows the system until the toggle is pressed, then stays across reloads from the first paint', async () => {
  await withPage(site, async (page) => {
    await watchFirstPaint(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.open('/');
    await waitForHome(page);
    const toggle = page.locator('header button[data-testid="theme-toggle"]');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), LIGHT_BG);

    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), DARK_BG);

    // Reloaded on a light system, the stored dark theme is already there when the page first paints.
    await page.reload();
    await waitForHome(page);
    const firstFrame = await page.evaluate(() => window.__folioFirstFrame);
    const domReady = await page.evaluate(() => window.__folioDomReady);
    assert.deepEqual(firstFrame, { theme: 'dark', background: DARK_BG }, 'first frame');
    assert.deepEqual(domReady, { theme: 'dark', background: DARK_BG }, 'DOMContentLoaded');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');

    // Light chosen on a dark system wins too, from the first paint of another page.
    await toggle.click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.open('/archive');
    await page.waitForSelector('[data-testid="archive-year"]');
    assert.deepEqual(await page.evaluate(() => window.__folioFirstFrame), { theme: 'light', background: LIGHT_BG });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  });
});

test('on a phone the search box is at least 16px, so iOS Safari does not zoom in when it takes focus', async () => {
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.open('/');
    await waitForHome(page);
    const size = await page.$eval('#site-search', (i) => parseFloat(getComputedStyle(i).fontSize));
    assert.ok(size >= 16, `${size}px`);
  });
});

test('theme-color gives the browser chrome the page background, per system scheme and after a choice', async () => {
  // The prerendered pages (here the home page) keep the two entries of the built index.html.
  const html = readDist('index.html');
  // (Trunk's minifier reorders and unquotes attributes: compare the tags' attributes as a set.)
  const metas = (html.match(/<meta [^>]*theme-color[^>]*>/g) ?? []).map((m) => [...m.matchAll(/(\w+)=("[^"]*"|\S+?)(?=[\s>])/g)].map(([, k, v]) => `${k}=${v.replace(/"/g, '')}`).sort().join(' '));
  assert.deepEqual(metas, [
    'content=#fdfdfc media=(prefers-color-scheme: light) name=theme-color',
    'content=#15171a media=(prefers-color-scheme: dark) name=theme-color',
  ]);
  const hex = (rgb) => '#' + rgb.match(/\d+/g).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('');
  const colours = (page) => page.$$eval('meta[name="theme-color"]', (ms) => ms.map((m) => m.content));
  const background = async (page) => hex(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
  await withPage(site, async (page) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.open('/');
    await waitForHome(page);
    const light = await background(page);
    assert.deepEqual(await colours(page), [light, hex(DARK_BG)]);
    // The reader's choice wins over the system's in the chrome too.
    await page.locator('header button[data-testid="theme-toggle"]').click();
    const dark = await background(page);
    assert.equal(dark, hex(DARK_BG));
    assert.deepEqual(await colours(page), [dark, dark]);
  });
});

test('without a stored choice a dark system gets the dark theme, and the toggle says so', async () => {
  await withPage(site, async (page) => {
    await watchFirstPaint(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.open('/tags');
    await page.waitForSelector('li[data-testid="tag-count"]');
    assert.deepEqual(await page.evaluate(() => window.__folioFirstFrame), { theme: null, background: DARK_BG });
    const toggle = page.locator('button[data-testid="theme-toggle"]');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    // Its name says what it is, whatever the state.
    assert.equal((await toggle.textContent()).trim(), 'Dark theme');
    // The system turning light while the page is open is followed until the reader chooses.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.querySelector('[data-testid="theme-toggle"]').getAttribute('aria-pressed') === 'false');
  });
});

test('text colours meet WCAG AA contrast in both themes', async () => {
  await withPage(site, async (page) => {
    await page.open('/');
    await waitForHome(page);
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      const ratios = await page.evaluate(() => {
        // The browser resolves each custom property to rgb(), whatever its spelling.
        const probe = document.body.appendChild(document.createElement('span'));
        const rgb = (name) => {
          probe.style.color = `var(${name})`;
          return getComputedStyle(probe).color.match(/\d+/g).slice(0, 3).map((v) => Number(v) / 255);
        };
        const lum = (c) =>
          c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
        const ratio = (a, b) => {
          const [hi, lo] = [lum(rgb(a)), lum(rgb(b))].sort((x, y) => y - x);
          return (hi + 0.05) / (lo + 0.05);
        };
        const ratios = {
          'text on page': ratio('--fg', '--bg'),
          'muted on page': ratio('--muted', '--bg'),
          'link on page': ratio('--accent', '--bg'),
          'button text': ratio('--accent-fg', '--accent'),
          'text on code': ratio('--fg', '--code-bg'),
          'muted on code': ratio('--muted', '--code-bg'),
          'text on mark': ratio('--fg', '--mark'),
          // Controls need 3:1 (WCAG 1.4.11): scaled so the same 4.5 bar applies.
          'control border': (ratio('--control', '--bg') * 4.5) / 3,
        };
        probe.remove();
        return ratios;
      });
      for (const [pair, ratio] of Object.entries(ratios)) {
        assert.ok(ratio >= 4.5, `${theme}: ${pair} contrast ${ratio.toFixed(2)} < AA`);
      }
    }
  });
});

// Scroll and focus

test('a link to another page scrolls to the top and focuses its heading; Back returns to the same spot', async () => {
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 900, height: 500 });
    await page.open('/');
    await waitForHome(page);
    // A post far down the list.
    const post = posts[posts.length - 2];
    const link = page.locator('section[data-testid="all-writing"] a[data-testid="post-link"]', { hasText: post.title });
    await link.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 120));
    const before = await settled(page);
    assert.ok(before > 300, `the home page is scrolled (${before})`);

    await link.click();
    await waitForArticle(page);
    assert.equal(await settled(page), 0, 'the article opens at the top');
    assert.equal(await focusedHeading(page), post.title, 'focus on the article heading');

    await page.goBack();
    await waitForHome(page);
    assert.equal(await settled(page), before, 'Back restores the home page scroll position');
    assert.equal(await focusedHeading(page), site.author, 'focus on the home heading');

    await page.goForward();
    await waitForArticle(page);
    assert.equal(await settled(page), 0);
  });
});

test('Back to an article restores its scroll position once its body has loaded, even when that is slow', async () => {
  const [from, to] = [posts[3], posts[4]];
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 700, height: 400 });
    await page.open(`/posts/${from.slug}`);
    await waitForArticle(page);
    // Scroll to the older-post link at the end, then a bit back up: a position only the full
    // body makes reachable.
    await page.locator('a[data-testid="older-post"]').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -60));
    const before = await settled(page);
    assert.ok(before > 400, `the article is scrolled (${before})`);

    await page.click('a[data-testid="older-post"]');
    await page.waitForFunction((t) => document.querySelector('article h1')?.textContent.trim() === t, to.title);
    await waitForArticle(page);
    assert.equal(await settled(page), 0);

    // The body takes a while to come back: the restore must wait for it.
    await page.route(`**/bodies/${from.slug}.html`, async (route) => {
      await new Promise((ok) => setTimeout(ok, 400));
      await route.continue();
    });
    await page.goBack();
    await waitForArticle(page);
    assert.equal(await settled(page), before, 'scroll position after Back');
    assert.equal(await focusedHeading(page), from.title);
  });
});

test('a deep link to an anchor scrolls to it once the page has loaded, without moving focus', async () => {
  const years = [...new Set(posts.map((p) => p.date.slice(0, 4)))].sort().reverse();
  const year = years[Math.floor(years.length / 2)];
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 900, height: 500 });
    await page.open(`/archive#year-${year}`);
    await page.waitForSelector(`#year-${year}`);
    assert.ok((await settled(page)) > 0, 'the page scrolled');
    const top = await distanceFromLanding(page, `year-${year}`);
    assert.ok(Math.abs(top) <= 2, `#year-${year} is at the top of the window (${top})`);
    assert.equal(await page.evaluate(() => document.activeElement?.localName), 'body');
  });
});

test('a link to an anchor in another article lands on it once that article\'s body has loaded', async () => {
  // The last heading of a post with several, so that it can reach the top of the window.
  const post = posts.find((p) => (readDist(`posts/${p.slug}.md`).match(/^## /gm) ?? []).length >= 3);
  assert.ok(post, 'the sample content has a post with three sections');
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 900, height: 500 });
    await page.open(`/posts/${post.slug}`);
    await waitForArticle(page);
    const id = await page.$$eval('[data-testid="article-body"] h2[id]', (hs) => hs[hs.length - 2].id);

    await page.open('/');
    await waitForHome(page);
    // No page links to a section of a post: add such a link, as a post could have.
    await page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      a.id = 'to-section';
      a.textContent = 'that section';
      document.querySelector('main').prepend(a);
    }, site.url(`/posts/${post.slug}#${id}`));
    // The body arrives late, after the router has finished its own navigation.
    await page.route(`**/bodies/${post.slug}.html`, async (route) => {
      await new Promise((ok) => setTimeout(ok, 400));
      await route.continue();
    });
    await page.click('#to-section');
    await waitForArticle(page);
    assert.ok((await settled(page)) > 0, 'the article scrolled');
    assert.equal(new URL(page.url()).pathname, site.path(`/posts/${post.slug}`));
    const top = await distanceFromLanding(page, id);
    assert.ok(Math.abs(top) <= 2, `#${id} is at the top of the window (${top})`);
    assert.equal(await focusedHeading(page), post.title);
  });
});

test('a reload keeps the scroll position', async () => {
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 900, height: 500 });
    await page.open('/archive');
    await page.waitForSelector('[data-testid="archive-year"]');
    await page.evaluate(() => window.scrollTo(0, 700));
    const before = await settled(page);
    assert.ok(before > 0);
    await page.reload();
    await page.waitForSelector('[data-testid="archive-year"]');
    assert.equal(await settled(page), before);
  });
});

test('in-page links stay on the page: the skip link focuses the content, a footnote jumps and Back returns', async () => {
  const post = posts.find((p) => /^\[\^[^\]]+\]:/m.test(readDist(`posts/${p.slug}.md`)));
  assert.ok(post, 'the sample content has a post with a footnote');
  await withPage(site, async (page) => {
    await page.setViewportSize({ width: 900, height: 500 });
    const { slug } = post;
    await page.open(`/posts/${slug}`);
    await waitForArticle(page);
    const path = site.path(`/posts/${slug}`);

    // Keyboard: the first Tab reaches the skip link, Enter moves focus to <main>.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    assert.equal(new URL(page.url()).pathname, path, 'the skip link stayed on the article');
    assert.equal(new URL(page.url()).hash, '#main');

    // A footnote reference jumps to its note on the same page; Back returns to where it was.
    const ref = page.locator('[data-testid="article-body"] .footnote-reference a').first();
    await ref.scrollIntoViewIfNeeded();
    const before = await settled(page);
    const href = new URL(await ref.evaluate((a) => a.href)).hash;
    await ref.click();
    await page.waitForFunction((h) => window.location.hash === h, href);
    assert.equal(new URL(page.url()).pathname, path, 'the footnote link stayed on the article');
    const id = decodeURIComponent(href.slice(1));
    const top = await distanceFromLanding(page, id);
    assert.ok(Math.abs(top) <= 2 || (await settled(page)) > before, `the page moved to ${href}`);
    await page.goBack();
    assert.equal(await settled(page), before, 'Back from the footnote');
  });
});

test('every page has exactly one h1', async () => {
  const tag = posts[0].tags[0];
  const pages = ['/', `/posts/${posts[0].slug}`, `/tags/${encodeURIComponent(tag)}`, '/tags', '/archive', '/search?q=jvm', '/nope/x'];
  await withPage(site, async (page) => {
    for (const path of pages) {
      await page.open(path);
      await page.waitForSelector('main h1');
      await settled(page);
      assert.equal(await page.locator('h1').count(), 1, path);
    }
  });
});

test('an article whose body fails to load in the app keeps its title as the one h1', async () => {
  const post = posts[0];
  await withPage(
    site,
    async (page) => {
      await page.route(`**/bodies/${post.slug}.html`, (route) => route.fulfill({ status: 500, body: 'boom' }));
      // Reached in the app (the page it opened on has its body from the prerendered HTML).
      await page.open('/');
      await page.click(`main a[data-testid="post-link"][href$="/posts/${post.slug}"]`);
      await page.waitForSelector('[data-testid="error"]');
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal((await page.textContent('main h1')).trim(), post.title);
      assert.equal(await page.locator('[data-testid="error"] h2').count(), 1);
    },
    { allow: [/Failed to load resource: the server responded with a status of 500 .*\.html$/] },
  );
});
