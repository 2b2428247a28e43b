/*
 * First part of the background (scripts/build-extension puts it at the top of background/worker.js): starts reading
 * the engine while the rest of the worker's code is still being parsed.
 *   self.postscrubWasmModule  Promise<WebAssembly.Module | null>: compileStreaming from the extension's own URL
 *   self.postscrubSnapshot    Promise<ArrayBuffer | null>: the engine snapshot of the bundled packs (a build may
 *                             ship none: --no-snapshot); restoring it replaces the compile on a cold start
 *   self.postscrubDefaultPacks  Promise<[{file, text} | {file, error}]>: the bundled packs (packs/packs.js lists
 *                             them; the JSON files are under rules/), in load order
 */
(function (root) {
  'use strict';
  if (typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function' && typeof fetch === 'function') {
    root.postscrubWasmModule = WebAssembly.compileStreaming(fetch('/wasm/postscrub_core.wasm')).catch(() => null);
  }
  if (typeof fetch === 'function') {
    root.postscrubSnapshot = fetch('/wasm/engine.snapshot').then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null);
    const files = Array.isArray(root.POSTSCRUB_DEFAULT_PACK_FILES) ? root.POSTSCRUB_DEFAULT_PACK_FILES : [];
    const read = (file) => fetch(`/rules/${file}`)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((text) => ({ file, text }), (e) => ({ file, error: String(e && e.message || e) }));
    // The first pack checks the snapshot; the others are needed only for the full compile after the first check,
    // so they are read after the snapshot and do not compete with it (cold start p50 ~100 -> ~93 ms).
    const first = Promise.all(files.slice(0, 1).map(read));
    const rest = root.postscrubSnapshot.then(() => Promise.all(files.slice(1).map(read)));
    root.postscrubDefaultPacks = Promise.all([first, rest]).then(([a, b]) => [...a, ...b]);
  }
})(typeof globalThis !== 'undefined' ? globalThis : self);
