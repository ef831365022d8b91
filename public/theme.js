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
  // A prerendered page's switch is static markup until the reader wakes the app
  // (src/takeover.rs): it says which theme shows, as the app's switch would.
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.querySelector('#prerendered [data-testid="theme-toggle"]');
    if (!toggle) return;
    var theme = document.documentElement.dataset.theme;
    var dark = theme ? theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
    toggle.setAttribute("aria-pressed", String(dark));
  });
})();
