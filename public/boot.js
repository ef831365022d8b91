// Starts the wasm app. Trunk records the hashed file names on the inert #folio-boot element;
// loading them from here keeps every script in a file, so the CSP can forbid inline script.
//
// A prerendered page (<div data-folio-root="prerendered">) is complete without the app, so the app's ~200 kB are only
// requested once that page has loaded and been painted: they never compete with what the reader
// came for. The app then waits for the reader before it renders anything (src/takeover.rs).
const boot = document.getElementById("folio-boot");
// (Not a page written for another path, whose content theme.js hid: the app draws the right one;
// nor a search's address, /search?q=, whose results are what the reader came for and need the
// app: theme.js marks both on <html>.)
const prerendered = document.querySelector('body > [data-folio-root="prerendered"]');
const root = document.documentElement;
if (prerendered && !root.hasAttribute("data-folio-elsewhere") && !root.hasAttribute("data-folio-query")) {
  // A tab opened in the background paints only when shown: then the app comes a while after load.
  await loaded();
  await Promise.race([painted(), new Promise((late) => setTimeout(late, 3000))]);
}
// The files the app fetches first (src/takeover.rs: the manifest, then the search index's root)
// are requested alongside it rather than after it has started: one round trip instead of three
// before a shared search link shows its results. The app's own requests take these answers.
for (const file of ["manifest.json", "search/index.bin"]) {
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  // The credentials mode of the app's fetch(), or the browser would download the file twice.
  link.crossOrigin = "anonymous";
  link.href = new URL(file, document.baseURI).href;
  document.head.append(link);
}
// The wasm is requested with its glue, not by it: one round trip less before the app runs.
const wasm = fetch(boot.dataset.wasm);
const { default: init } = await import(boot.dataset.js);
await init({ module_or_path: wasm });
// Reading offline (public/sw.js): the worker comes only once this visit has loaded and the app
// runs, so its copies of the app's files come from the browser's cache and nothing it fetches
// competes with what the reader is waiting for.
loaded().then(keepForOffline);

/** The page's own files (styles, images) are in. */
function loaded() {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((done) => addEventListener("load", done, { once: true }));
}

/** The first contentful paint has reached the screen. Its entry is the only sure sign: a frame
 * the page has drawn can take a while longer to be shown. Browsers without paint timing wait for
 * the frame after the next one instead. */
function painted() {
  if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) {
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
  }
  return new Promise((done) => {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName("first-contentful-paint").length > 0) {
        observer.disconnect();
        done();
      }
    }).observe({ type: "paint", buffered: true });
  });
}

/** Registers the offline worker (public/sw.js, at the site's root, so its scope is the whole
 * site, also under a sub-path) and, when the browser is idle, asks it to keep this page and the
 * search index. Without service workers (or storage, in some private modes) nothing changes. */
async function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.register(new URL("sw.js", document.baseURI));
    await navigator.serviceWorker.ready;
    const idle = window.requestIdleCallback ?? ((then) => setTimeout(then, 1000));
    idle(() => registration.active?.postMessage("keep"));
  } catch (refused) {
    console.warn("Reading offline is not available:", refused);
  }
}
