// Starts the wasm app. Trunk records the hashed file names on the inert #folio-boot element;
// loading them from here keeps every script in a file, so the CSP can forbid inline script.
//
// A prerendered page (#prerendered) is complete without the app, so the app's ~200 kB are only
// requested once that page has painted: they never delay what the reader came for. The app
// then waits for the reader before it renders anything (src/takeover.rs).
const boot = document.getElementById("folio-boot");
if (document.getElementById("prerendered")) {
  // A timeout queued from an animation frame runs after that frame has been painted.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
}
const { default: init } = await import(boot.dataset.js);
await init({ module_or_path: boot.dataset.wasm });
