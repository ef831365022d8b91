// Starts the wasm app. Trunk records the hashed file names on the inert #folio-boot element;
// loading them from here keeps every script in a file, so the CSP can forbid inline script.
const boot = document.getElementById("folio-boot");
const { default: init } = await import(boot.dataset.js);
await init({ module_or_path: boot.dataset.wasm });
