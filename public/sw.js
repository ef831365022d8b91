// Reading offline. Registered by public/boot.js once the reader's first visit has loaded and its
// app runs, so nothing is cached before that visit ends. It keeps:
// - the app (hashed wasm, js, css, icons): cache-first, their names change with their content;
// - every page the reader opened (prerendered HTML), manifest.json and the bodies the app
//   fetched: network-first, the cache only answers when the network cannot (an address never
//   opened gets the not-found page, from which the app draws the route: `/search?q=`);
// - the search index: its root and every part, fetched in the background once the first visit
//   is idle (not at a search: the reader is then waiting for the texts of its results), so a
//   reader offline can search the whole site.
// One cache per build: `folio-build --prerender` writes BUILD below (the build's version, its
// app files and search parts; crates/folio-build/src/service_worker.rs). A new deploy changes
// this file, the browser installs the new worker, and activating it deletes the old caches.
// Unstamped (`trunk serve`), the worker caches nothing and lets every request through.
const BUILD = "__FOLIO_BUILD__";

const PREFIX = "folio-";
const stamped = typeof BUILD === "object";
const CACHE = stamped ? PREFIX + BUILD.version : null;
const scope = self.registration.scope;
// Content-hashed names (Trunk's `name-<hex>.ext`, `name-<hex>_bg.wasm`, the index's `d-<hex>.bin`).
const HASHED = /[-.][0-9a-f]{8,}(_bg)?\.[a-z0-9]+$/;
const SEARCH_ROOT = "search/index.bin";
// The posts' texts for snippets, in a folder named by their hash.
const SEARCH_TEXTS = /^search\/t-[0-9a-f]{8,}\//;
// The page for any address (the prerendered not-found page, which the app redraws as the route
// the address names): offline, a page never opened (`/search?q=`) is drawn by the app from it.
const ANY_PAGE = "404.html";

self.addEventListener("install", (event) => {
  if (!stamped) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // The app itself, the manifest every page needs and the page for any address (the page the
      // reader is on: below).
      await cache.addAll([...BUILD.assets, "manifest.json", ANY_PAGE].map((path) => new URL(path, scope).href));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
      // The open pages' later requests (the bodies of posts opened in the app) come here too.
      if (stamped) await self.clients.claim();
    })(),
  );
});

// boot.js, when the browser is idle after the worker is ready: the page it runs in was loaded
// before this worker, so it is kept now, and then the whole search index, so a reader who goes
// offline can search every post, not only those opened.
self.addEventListener("message", (event) => {
  if (!stamped || event.data !== "keep" || !event.source?.url?.startsWith(scope)) return;
  event.waitUntil(
    (async () => {
      await keep(await caches.open(CACHE), pageUrl(event.source.url));
      await keepSearchIndex();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!stamped || request.method !== "GET" || !request.url.startsWith(scope)) return;
  const path = new URL(request.url).pathname.slice(new URL(scope).pathname.length);
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(pageUrl(request.url), request, new URL(ANY_PAGE, scope).href));
  } else if (HASHED.test(path) || SEARCH_TEXTS.test(path)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request.url, request));
  }
});

/** A page's cache key: its address without query or fragment (`/search?q=x` is `/search`). */
function pageUrl(url) {
  const page = new URL(url);
  page.search = "";
  page.hash = "";
  return page.href;
}

async function networkFirst(key, request, fallback = null) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (offline) {
    const kept = (await cache.match(key)) ?? (fallback && (await cache.match(fallback)));
    if (kept) return kept;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/** Fetches `url` into `cache` unless it is there; a failure leaves it for another time. */
async function keep(cache, url) {
  if (await cache.match(url)) return;
  try {
    const response = await fetch(url);
    if (response.ok) await cache.put(url, response);
  } catch {
    // Offline: the next visit keeps it.
  }
}

let searchIndexKept = null;
/** The whole search index, once per worker (a part already kept is not fetched again). */
function keepSearchIndex() {
  searchIndexKept ??= (async () => {
    const cache = await caches.open(CACHE);
    for (const path of [SEARCH_ROOT, ...BUILD.search]) await keep(cache, new URL(path, scope).href);
  })();
  return searchIndexKept;
}
