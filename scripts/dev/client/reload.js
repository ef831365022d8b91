// Folio dev server client: live reload without inline script. The dev server adds this file
// (and dev.css) to every HTML page it serves; production builds never reference it. It listens
// to the server's event stream (/__folio/events):
//   reload  the site was rebuilt: reload, coming back to the same scroll position;
//   css     a stylesheet changed: swap its <link> for a fresh copy, without a reload;
//   failed  the build failed: show an overlay naming the file and line;
//   ok      the build works again: drop the overlay.
// The page's CSP allows scripts and styles from 'self' only, so everything here is a file and
// the overlay's look comes from dev.css (classes, no style attributes).
(() => {
  const SCROLL_KEY = "folio-dev-scroll";
  const here = () => location.pathname + location.search;

  // A reload we asked for: put the reader back where they were. The place is kept as the first
  // block of text still on screen and how far from the top it was (an edit above it, such as a
  // longer title, moves it down: a bare scroll offset would land elsewhere), else the offset.
  // The browser's own restoration is switched off so the two do not fight. The page may still
  // be laying out (images), so once now and once more when everything is in.
  const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, figure, table, dt, dd";
  history.scrollRestoration = "manual";
  const saved = JSON.parse(sessionStorage.getItem(SCROLL_KEY) ?? "null");
  sessionStorage.removeItem(SCROLL_KEY);
  if (saved && saved.page === here()) {
    const restore = () => {
      const anchor = document.querySelectorAll(BLOCKS)[saved.block];
      if (anchor) window.scrollBy(0, anchor.getBoundingClientRect().top - saved.top);
      else window.scrollTo(saved.x, saved.y);
    };
    restore();
    if (document.readyState !== "complete") addEventListener("load", restore, { once: true });
  }

  function reload() {
    const blocks = [...document.querySelectorAll(BLOCKS)];
    const block = scrollY > 0 ? blocks.findIndex((b) => b.getBoundingClientRect().bottom > 0) : -1;
    const top = block >= 0 ? blocks[block].getBoundingClientRect().top : 0;
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ page: here(), x: scrollX, y: scrollY, block, top }));
    location.reload();
  }

  // `hrefs`: the site's stylesheets as the server now serves them. A link is swapped when its
  // file has the same name stem (main-<hash>.css and main-<hash2>.css alike); the old one goes
  // once the new one has loaded, so the page never shows unstyled.
  function swapStyles(hrefs) {
    const stem = (href) => new URL(href, location.href).pathname.replace(/(-[0-9a-f]{8,})?\.css$/, "");
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const fresh = hrefs.find((href) => stem(href) === stem(link.href));
      if (!fresh) continue;
      const next = link.cloneNode();
      next.removeAttribute("integrity"); // the edited file has another hash
      next.href = `${new URL(fresh, location.href).pathname}?v=${Date.now()}`;
      next.addEventListener("load", () => link.remove(), { once: true });
      link.after(next);
    }
  }

  let overlay = null;
  function showFailure({ file, line, message }) {
    overlay ??= document.createElement("div");
    overlay.id = "folio-dev-overlay";
    overlay.setAttribute("role", "alert");
    overlay.replaceChildren();
    const title = document.createElement("p");
    title.className = "folio-dev-title";
    title.textContent = "Build failed";
    const where = document.createElement("p");
    where.className = "folio-dev-where";
    where.textContent = file ? `${file}${line ? `:${line}` : ""}` : "";
    const text = document.createElement("pre");
    text.className = "folio-dev-message";
    text.textContent = message;
    const hint = document.createElement("p");
    hint.className = "folio-dev-hint";
    hint.textContent = "The page updates once the file is fixed.";
    overlay.append(title, where, text, hint);
    // On <html>, outside <body>: the app replaces what the page shows, not this.
    document.documentElement.append(overlay);
  }

  function clearFailure() {
    overlay?.remove();
    overlay = null;
  }

  const events = new EventSource("/__folio/events");
  // Says the page is following the server (the tests and the benchmark wait for it).
  events.addEventListener("open", () => (document.documentElement.dataset.folioDev = "live"));
  events.addEventListener("reload", reload);
  events.addEventListener("css", (event) => swapStyles(JSON.parse(event.data)));
  events.addEventListener("failed", (event) => showFailure(JSON.parse(event.data)));
  events.addEventListener("ok", clearFailure);
  // Leaving the page (or the reload) closes the stream before the browser would report it
  // dropped.
  addEventListener("pagehide", () => events.close());
})();
