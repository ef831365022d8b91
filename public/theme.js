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
})();
