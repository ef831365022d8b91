// Applies the reader's stored theme before the first paint. Loaded as a blocking classic script
// in <head> (the CSP forbids inline script), so <html data-theme> is set before the body is
// drawn and a dark-mode reader never sees a flash of the light page, or the other way round.
// Without a stored choice nothing is set and the stylesheet follows prefers-color-scheme.
// The toggle (src/components/theme_toggle.rs) writes the same key.
(function () {
  try {
    var theme = localStorage.getItem("folio-theme");
    if (theme === "light" || theme === "dark") {
      document.documentElement.dataset.theme = theme;
    }
  } catch (e) {
    // Storage disabled (privacy settings): follow the system theme.
  }
  // The browser's chrome (<meta name="theme-color"> in index.html, one per system scheme)
  // follows a stored or toggled choice too: both entries take the chosen page background.
  // Keep these in step with --bg in style/main.css.
  var backgrounds = { light: "#fdfdfc", dark: "#15171a" };
  function syncThemeColor() {
    var chosen = document.documentElement.dataset.theme;
    var metas = document.querySelectorAll('meta[name="theme-color"]');
    for (var i = 0; i < metas.length; i++) {
      var scheme = /dark/.test(metas[i].media) ? "dark" : "light";
      metas[i].content = backgrounds[chosen] || backgrounds[scheme];
    }
  }
  syncThemeColor();
  new MutationObserver(syncThemeColor).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["data-theme"],
  });
  // Script runs: the theme switch works (the stylesheet hides it on a page without script).
  document.documentElement.setAttribute("data-js", "");
  // A page written for another path (a host that answers unknown paths with index.html or
  // 404.html) must not show its content even for a moment: it is hidden before the first
  // paint, and the app draws the page the address asks for (src/takeover.rs).
  // A query in the address (/search?q=): the search page keeps room for its results from the
  // first paint (style/main.css), so they move nothing when they arrive.
  if (new URLSearchParams(location.search).get("q")) {
    document.documentElement.setAttribute("data-folio-query", "");
  }
  var own = document.querySelector('meta[name="folio-path"]');
  if (own && pagePath(own.content) !== pagePath(location.pathname)) {
    document.documentElement.setAttribute("data-folio-elsewhere", "");
  }
  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector('body > [data-folio-root="prerendered"]');
    if (!root) return;
    // A prerendered page's switch is static markup until the reader wakes the app: it says
    // which theme shows, as the app's switch would.
    var toggle = root.querySelector('[data-testid="theme-toggle"]');
    var theme = document.documentElement.dataset.theme;
    var dark = theme ? theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    if (toggle) toggle.setAttribute("aria-pressed", String(dark));
    // A search's address (/search?q=): the box shows the query from the first paint.
    var query = new URLSearchParams(location.search).get("q");
    var box = root.querySelector('input[type="search"]');
    if (query && box && !box.value) box.value = query;
  });
  // Code blocks' copy buttons (written at build time: crates/folio-markdown/src/html/finish.rs),
  // one listener for the whole page, so it serves the prerendered page and the app alike. A
  // click the app forwards to its own copy of the button arrives there; the original is then
  // marked handled (defaultPrevented) and left alone. The live region beside the button says
  // what happened, and is emptied again so the next copy is announced too.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".copy-code");
    if (!button || event.defaultPrevented) return;
    var block = button.parentNode;
    var status = block.querySelector(".copy-status");
    var say = function (text) {
      status.textContent = text;
      clearTimeout(status.timer);
      status.timer = setTimeout(function () {
        status.textContent = "";
      }, 2000);
    };
    var pre = block.querySelector("pre");
    var text = pre.textContent;
    // A terminal session (a shell block with `$ ` prompts, see highlight/session.rs): the
    // commands alone, as a terminal takes them, without their prompts or the output between.
    if (pre.querySelector(".hl-prompt")) {
      var going = false;
      text = text.split("\n").reduce(function (commands, line) {
        var prompt = /^\$(?: |\s*$)/.test(line);
        if (prompt || going) commands.push(prompt ? line.replace(/^\$ ?/, "") : line);
        going = (prompt || going) && /\\\s*$/.test(line);
        return commands;
      }, []).join("\n") + "\n";
    }
    var copying = navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject();
    copying.then(
      function () {
        say("Copied");
      },
      function () {
        say("Could not copy");
      }
    );
  });
  // One spelling of a page's path, as src/page_path.rs reads it: without index.html, .html or
  // a trailing slash, percent-decoded.
  function pagePath(path) {
    path = path.replace(/index\.html$/, "").replace(/\.html$/, "").replace(/\/+$/, "");
    try {
      return decodeURIComponent(path);
    } catch (e) {
      return path;
    }
  }
})();
