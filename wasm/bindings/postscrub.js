/*
 * Postscrub JavaScript API: the WebAssembly checker engine behind a small, value-returning interface.
 * Contract: docs/contracts.md section 5. Shipping and loading: wasm/bindings/README.md.
 *
 * A classic script: works with importScripts() (Chrome MV3 service worker), <script> (web page, Firefox MV3
 * background page) and require() (Node). It defines globalThis.Postscrub, and module.exports under CommonJS.
 * It needs the Emscripten glue postscrub_core.js (global PostscrubCore) and the bytes of postscrub_core.wasm:
 *
 *   const runtime = await Postscrub.load({ wasmBinary });      // ArrayBuffer or Uint8Array of the .wasm
 *   const res = runtime.compile([packJsonText, ...]);          // or runtime.compile(): the default packs
 *   if (!res.ok) console.warn(res.error);                      // "pack x: rule y: /rules/3/patterns/0/regex: ..."
 *   const out = res.engine.check(text);                        // {findings, risk, version?}
 *   const red = res.engine.redact(text, out.findings, {});     // {text, edits: [{start, end, replacement}]}
 *   res.engine.dispose();
 *
 * Nothing here throws once load() has resolved: errors come back as values ({ok: false, error} from compile,
 * an `error` field on the other results). load() rejects only if the module cannot be instantiated.
 * Offsets are UTF-16 code units (JS string indices). Text crosses into the module as UTF-8 via TextEncoder,
 * which turns a lone surrogate into U+FFFD: one UTF-16 unit for one, so offsets stay true.
 * Memory of the module is owned here: callers never see a heap pointer.
 */
(function (root) {
  'use strict';

  // Captured while this script is being evaluated; used to find postscrub_core.wasm beside it in a page.
  var scriptUrl = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || null;
  var encoder = new TextEncoder();
  var decoder = new TextDecoder('utf-8');

  function errorText(e) {
    if (e && typeof e === 'object' && e.message) return String(e.message);
    return String(e);
  }

  function findFactory(opts) {
    if (opts.moduleFactory) return opts.moduleFactory;
    if (typeof root.PostscrubCore === 'function') return root.PostscrubCore;
    if (typeof module === 'object' && module && typeof require === 'function' && typeof __dirname === 'string') {
      return require(require('path').join(__dirname, 'postscrub_core.js'));
    }
    throw new Error('Postscrub.load: postscrub_core.js is not loaded (load it before calling load(), ' +
                    'or pass {moduleFactory: PostscrubCore})');
  }

  // The .wasm bytes: given, fetched from wasmUrl, read beside this file (Node), or fetched beside it (page).
  function findWasmBinary(opts) {
    if (opts.wasmBinary) return Promise.resolve(opts.wasmBinary);
    if (!opts.wasmUrl && typeof module === 'object' && module && typeof require === 'function' &&
        typeof __dirname === 'string') {
      var fs = require('fs');
      return Promise.resolve(fs.readFileSync(require('path').join(__dirname, 'postscrub_core.wasm')));
    }
    var url = opts.wasmUrl || (scriptUrl && new URL('postscrub_core.wasm', scriptUrl).href);
    if (!url || typeof fetch !== 'function') {
      return Promise.reject(new Error('Postscrub.load: pass {wasmBinary} (the bytes of postscrub_core.wasm)'));
    }
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error('Postscrub.load: ' + url + ': HTTP ' + r.status);
      return r.arrayBuffer();
    });
  }

  // The default packs, [{file, text}] or [text], from: opts.defaultPacks; globalThis.POSTSCRUB_DEFAULT_PACKS (set by
  // postscrub_packs.js, or by the extension's packs/packs.js); postscrub_packs.js beside this file (Node: require;
  // a page: a <script> element, which a 'self' CSP allows). Resolves to null when there are none: the module
  // itself carries no packs.
  function findDefaultPacks(opts) {
    if (Array.isArray(opts.defaultPacks)) return Promise.resolve(opts.defaultPacks);
    if (Array.isArray(root.POSTSCRUB_DEFAULT_PACKS)) return Promise.resolve(root.POSTSCRUB_DEFAULT_PACKS);
    if (typeof module === 'object' && module && typeof require === 'function' && typeof __dirname === 'string') {
      try {
        return Promise.resolve(require(require('path').join(__dirname, 'postscrub_packs.js')));
      } catch (e) {
        return Promise.resolve(null);
      }
    }
    if (!scriptUrl || typeof document === 'undefined' || !document.createElement) return Promise.resolve(null);
    return new Promise(function (resolve) {
      var el = document.createElement('script');
      el.src = new URL('postscrub_packs.js', scriptUrl).href;
      el.onload = function () { resolve(Array.isArray(root.POSTSCRUB_DEFAULT_PACKS) ? root.POSTSCRUB_DEFAULT_PACKS : null); };
      el.onerror = function () { resolve(null); };
      (document.head || document.documentElement).appendChild(el);
    });
  }

  function Runtime(mod, packs) {
    this._m = mod;
    this._broken = null;   // set when the module aborted: it cannot be used again
    this._used = false;    // compiled or restored: restore() needs a fresh runtime
    this._defaultPacks = (packs || []).map(function (p) { return typeof p === 'string' ? p : String(p.text); });
    this.version = null;
    var v = this._callString('ps_version', []);
    this.version = v.ok ? v.value : null;
  }

  // Copies a JS string into module memory as UTF-8. Returns {ptr, len} (ptr 0 on out-of-memory).
  Runtime.prototype._put = function (str) {
    var m = this._m;
    var cap = str.length * 3 + 1;
    var ptr = m._malloc(cap);
    if (!ptr) return { ptr: 0, len: 0 };
    var res = encoder.encodeInto(str, m.HEAPU8.subarray(ptr, ptr + cap));
    m.HEAPU8[ptr + res.written] = 0;
    return { ptr: ptr, len: res.written };
  };

  // Calls an exported ps_* function. String arguments are copied in and freed after the call. If `returnsText`,
  // the NUL-terminated UTF-8 result (malloc'd by the module) is decoded and freed; otherwise the number returned
  // is the value. Returns {ok, value} or {ok: false, error}.
  Runtime.prototype._call = function (name, args, returnsText) {
    if (this._broken) return { ok: false, error: 'engine unavailable: ' + this._broken };
    var m = this._m;
    var allocated = [];
    try {
      var cargs = [];
      for (var i = 0; i < args.length; i++) {
        var a = args[i];
        if (typeof a === 'string') {
          var buf = this._put(a);
          if (!buf.ptr) return { ok: false, error: 'out of memory' };
          allocated.push(buf.ptr);
          cargs.push(buf.ptr, buf.len);
        } else {
          cargs.push(a);
        }
      }
      var out = m['_' + name].apply(null, cargs);
      if (!returnsText) return { ok: true, value: out };
      if (!out) return { ok: false, error: 'out of memory' };
      var heap = m.HEAPU8;   // re-read: the call may have grown memory
      var end = heap.indexOf(0, out);
      var text = decoder.decode(heap.subarray(out, end < 0 ? heap.length : end));
      m._free(out);
      return { ok: true, value: text };
    } catch (e) {
      // A trap or abort (e.g. out of memory in C++): the module's state is unknown from here on.
      this._broken = errorText(e);
      allocated = [];
      return { ok: false, error: 'engine unavailable: ' + this._broken };
    } finally {
      for (var j = 0; j < allocated.length; j++) m._free(allocated[j]);
    }
  };

  Runtime.prototype._callString = function (name, args) {
    return this._call(name, args, true);
  };

  Runtime.prototype._callJson = function (name, args) {
    var r = this._callString(name, args);
    if (!r.ok) return r;
    try {
      return { ok: true, value: JSON.parse(r.value) };
    } catch (e) {
      return { ok: false, error: 'bad result from ' + name + ': ' + errorText(e) };
    }
  };

  // The default packs (rules/packs.txt order) as JSON texts: what load() found (see findDefaultPacks), else [].
  Runtime.prototype.defaultPacks = function () {
    return this._defaultPacks.slice();
  };

  // compile(packTexts?) -> {ok: true, engine} | {ok: false, error}. Packs load in order; packTexts may hold
  // JSON texts or plain objects. Without an argument, the default packs (defaultPacks()) are compiled.
  Runtime.prototype.compile = function (packTexts) {
    if (packTexts === undefined || packTexts === null) packTexts = this.defaultPacks();
    if (!Array.isArray(packTexts)) return { ok: false, error: 'compile: expected an array of pack JSON texts' };
    var texts = [];
    for (var i = 0; i < packTexts.length; i++) {
      var p = packTexts[i];
      if (typeof p === 'string') texts.push(p);
      else if (p && typeof p === 'object') texts.push(JSON.stringify(p));
      else return { ok: false, error: 'compile: pack ' + i + ' is neither a JSON text nor an object' };
    }
    // Packs cross one by one (begin, add..., end): the module then needs no JSON parser of its own.
    this._used = true;   // restore() would overwrite this engine: only a fresh runtime is restored
    var r = this._call('ps_compile_begin', [], false);
    for (var k = 0; r.ok && k < texts.length; k++) r = this._call('ps_compile_add', [texts[k]], false);
    if (r.ok) r = this._callJson('ps_compile_end', []);
    if (!r.ok) return { ok: false, error: r.error };
    if (!r.value.ok) return { ok: false, error: String(r.value.error) };
    return { ok: true, engine: new Engine(this, r.value.handle) };
  };

  // True while nothing was compiled or restored in this runtime (and it has not failed): restore() accepts it.
  Runtime.prototype.fresh = function () {
    return !this._used && !this._broken;
  };

  // The id of the module file (64 hex digits, the SHA-256 its build stamped in), or null.
  Runtime.prototype.buildId = function () {
    var r = this._callString('ps_build_id', []);
    return r.ok && /^[0-9a-f]{64}$/.test(r.value) ? r.value : null;
  };

  // ---- engine snapshots --------------------------------------------------------------------------------------
  // A snapshot is the whole memory of a runtime that compiled packs (and checked some synthetic texts, so the
  // regexes' automata exist): restoring it gives the same engine in a few milliseconds instead of a compile that
  // costs ~100 ms on a cold, unoptimised module. Layout (little-endian):
  //   "PSSNAP\0\1", u32 L, L bytes of JSON meta, u32 page number x meta.pages, 4 KiB x meta.pages (the pages of
  //   memory that are not all zero; the rest of memory is zero)
  // meta: {format: 1, buildId, handle, memoryBytes, stackPointer, pageSize, pages, packs: [{length, hash}]}.
  // Valid only for the module file that made it (buildId) and the same pack texts in the same order.
  var SNAP_MAGIC = [0x50, 0x53, 0x53, 0x4e, 0x41, 0x50, 0x00, 0x01];   // "PSSNAP\0\1"
  var PAGE = 4096;

  // A 53-bit hash of a text (cyrb53): tells pack texts apart; a snapshot is a build product, not an adversary.
  function textHash(str) {
    var h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (var i = 0; i < str.length; i++) {
      var c = str.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
  }
  function packPrints(texts) {
    return texts.map(function (t) { return { length: t.length, hash: textHash(t) }; });
  }

  // snapshot(engine) -> Uint8Array. Only for a runtime that has seen nothing but packs and synthetic texts:
  // the memory holds every text the module was given. Postscrub.makeSnapshot() is the safe way to call it.
  Runtime.prototype._snapshot = function (engine, packTexts) {
    var m = this._m;
    var heap = m.HEAPU8;
    var pages = [];
    for (var p = 0; p < heap.length; p += PAGE) {
      for (var i = p; i < p + PAGE; i++) if (heap[i] !== 0) { pages.push(p / PAGE); break; }
    }
    var meta = new TextEncoder().encode(JSON.stringify({
      format: 1, buildId: this.buildId(), handle: engine._h, memoryBytes: heap.length, stackPointer: m.stackSave(),
      pageSize: PAGE, pages: pages.length, packs: packPrints(packTexts)
    }));
    var head = 8 + 4 + meta.length + 4 * pages.length;
    var out = new Uint8Array(head + PAGE * pages.length);
    var view = new DataView(out.buffer);
    out.set(SNAP_MAGIC, 0);
    view.setUint32(8, meta.length, true);
    out.set(meta, 12);
    for (var k = 0; k < pages.length; k++) {
      view.setUint32(12 + meta.length + 4 * k, pages[k], true);
      out.set(heap.subarray(pages[k] * PAGE, (pages[k] + 1) * PAGE), head + PAGE * k);
    }
    return out;
  };

  // Zeroes the module's free memory (freed JSON trees, texts, scratch) so that a snapshot carries only what is in
  // use: every free block malloc hands out below the current end of memory is zeroed, held, and freed at the end.
  Runtime.prototype._zeroFreeMemory = function () {
    var m = this._m;
    var end = m.HEAPU8.length;
    var held = [];
    for (var size = 1 << 20; size >= 16; size >>= 1) {
      for (;;) {
        var ptr = m._malloc(size);
        if (!ptr) break;
        if (ptr + size > end || m.HEAPU8.length !== end) { m._free(ptr); break; }
        m.HEAPU8.fill(0, ptr, ptr + size);
        held.push(ptr);
      }
    }
    for (var i = held.length - 1; i >= 0; i--) m._free(held[i]);
  };

  // Reads a snapshot's header -> {ok, bytes, view, meta, metaLen} | {ok: false, error}; checks nothing else.
  function readSnapshotHeader(bytes) {
    if (bytes instanceof ArrayBuffer) bytes = new Uint8Array(bytes);
    if (!(bytes instanceof Uint8Array)) return { ok: false, error: 'not a snapshot (expected bytes)' };
    if (bytes.length < 12) return { ok: false, error: 'not a snapshot (too short)' };
    for (var i = 0; i < 8; i++) if (bytes[i] !== SNAP_MAGIC[i]) return { ok: false, error: 'not a snapshot (bad magic)' };
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var metaLen = view.getUint32(8, true);
    if (12 + metaLen > bytes.length) return { ok: false, error: 'snapshot truncated (meta)' };
    try {
      var meta = JSON.parse(decoder.decode(bytes.subarray(12, 12 + metaLen)));
      return { ok: true, bytes: bytes, view: view, meta: meta, metaLen: metaLen };
    } catch (e) {
      return { ok: false, error: 'snapshot meta is not JSON: ' + errorText(e) };
    }
  }

  // Reads and checks a snapshot against this runtime and the pack texts -> {ok, meta, view, bytes, pageTable, data}
  // | {ok: false, error}.
  Runtime.prototype._readSnapshot = function (bytes, packTexts) {
    var h = readSnapshotHeader(bytes);
    if (!h.ok) return h;
    bytes = h.bytes;
    var view = h.view, meta = h.meta, metaLen = h.metaLen;
    if (!meta || meta.format !== 1 || meta.pageSize !== PAGE) return { ok: false, error: 'snapshot format not supported' };
    var id = this.buildId();
    if (!id || meta.buildId !== id) return { ok: false, error: 'snapshot made by another build of the module' };
    var prints = packPrints(packTexts);
    if (!Array.isArray(meta.packs) || meta.packs.length !== prints.length || prints.some(function (p, k) {
      return !meta.packs[k] || meta.packs[k].length !== p.length || meta.packs[k].hash !== p.hash;
    })) return { ok: false, error: 'snapshot made from other packs' };
    var n = meta.pages;
    var pageTable = 12 + metaLen;
    var data = pageTable + 4 * n;
    if (!(Number.isInteger(n) && n >= 0) || data + PAGE * n !== bytes.length) return { ok: false, error: 'snapshot truncated (pages)' };
    if (!(meta.memoryBytes % PAGE === 0 && meta.memoryBytes > 0 && meta.memoryBytes <= 1 << 30)) {
      return { ok: false, error: 'snapshot memory size out of range' };
    }
    var last = -1;
    for (var k = 0; k < n; k++) {
      var page = view.getUint32(pageTable + 4 * k, true);
      if (page <= last || (page + 1) * PAGE > meta.memoryBytes) return { ok: false, error: 'snapshot page table is corrupt' };
      last = page;
    }
    if (this._m.stackSave() !== meta.stackPointer) return { ok: false, error: 'snapshot stack does not match the module' };
    return { ok: true, meta: meta, view: view, bytes: bytes, pageTable: pageTable, data: data };
  };

  // restore(snapshot, packTexts) -> {ok: true, engine} | {ok: false, error}: the engine the snapshot was made
  // with, for exactly these pack texts. Only on a runtime that has compiled nothing yet (restoring replaces all
  // of its memory); a refused snapshot leaves the runtime as it was.
  Runtime.prototype.restore = function (bytes, packTexts) {
    if (this._broken) return { ok: false, error: 'engine unavailable: ' + this._broken };
    if (this._used) return { ok: false, error: 'restore: this runtime has compiled packs already' };
    if (!Array.isArray(packTexts) || packTexts.some(function (t) { return typeof t !== 'string'; })) {
      return { ok: false, error: 'restore: expected the pack JSON texts' };
    }
    var s = this._readSnapshot(bytes, packTexts);
    if (!s.ok) return s;
    var m = this._m;
    try {
      if (!m._ps_heap_reserve(s.meta.memoryBytes)) return { ok: false, error: 'restore: out of memory' };
      // Memory above malloc's end was never written (memory only grows): zero what is below it.
      var top = Math.min(m._ps_heap_top() >>> 0, m.HEAPU8.length);
      var heap = m.HEAPU8;
      this._used = true;
      heap.fill(0, 0, top);
      for (var k = 0; k < s.meta.pages; k++) {
        var page = s.view.getUint32(s.pageTable + 4 * k, true);
        heap.set(s.bytes.subarray(s.data + PAGE * k, s.data + PAGE * (k + 1)), page * PAGE);
      }
    } catch (e) {
      this._broken = errorText(e);
      return { ok: false, error: 'engine unavailable: ' + this._broken };
    }
    var engine = new Engine(this, s.meta.handle);
    if (engine.packs().length !== packTexts.length) {
      this._broken = 'the restored engine does not answer';
      return { ok: false, error: 'restore: ' + this._broken };
    }
    return { ok: true, engine: engine };
  };

  // Bytes of module memory now (grows, never shrinks): a figure for benchmarks and diagnostics.
  Runtime.prototype.heapSize = function () {
    return this._m.HEAPU8.length;
  };

  var NO_RISK = { level: 'none', score: 0 };

  function Engine(runtime, handle) {
    this._rt = runtime;
    this._h = handle;
  }

  Engine.prototype._call = function (name, args) {
    if (!this._h) return { ok: false, error: 'engine disposed' };
    return this._rt._callJson(name, [this._h].concat(args));
  };

  // check(text) -> {findings: Finding[], risk: {level, score}, version?}; on error also {error}.
  Engine.prototype.check = function (text) {
    var r = this._call('ps_check', [String(text)]);
    if (!r.ok) return { findings: [], risk: NO_RISK, error: r.error };
    if (r.value.error) return { findings: [], risk: NO_RISK, error: String(r.value.error) };
    return r.value;
  };

  // redact(text, findings, choices?) -> {text, edits: [{start, end, replacement}]}; on error {text, edits: [], error}
  // with the text unchanged. choices: {[finding index or rule id]: strategy}.
  Engine.prototype.redact = function (text, findings, choices) {
    text = String(text);
    var r = this._call('ps_redact', [text, JSON.stringify(findings || []), JSON.stringify(choices || {})]);
    if (!r.ok) return { text: text, edits: [], error: r.error };
    if (r.value.error) return { text: text, edits: [], error: String(r.value.error) };
    // Rebuild the text from the caller's string and the edits (UTF-16 offsets), so every character outside
    // an edit is exactly the caller's, lone surrogates included (the module saw those as U+FFFD).
    var edits = Array.isArray(r.value.edits) ? r.value.edits : [];
    var sorted = edits.slice().sort(function (a, b) { return a.start - b.start; });
    var parts = [];
    var at = 0;
    for (var i = 0; i < sorted.length; i++) {
      var e = sorted[i];
      if (!(e.start >= at && e.end >= e.start && e.end <= text.length)) return r.value;   // trust the module
      parts.push(text.slice(at, e.start), String(e.replacement));
      at = e.end;
    }
    parts.push(text.slice(at));
    r.value.text = parts.join('');
    return r.value;
  };

  // rules() -> [{id, pack, category, severity, message, description}]
  Engine.prototype.rules = function () {
    var r = this._call('ps_rules', []);
    return r.ok && Array.isArray(r.value) ? r.value : [];
  };

  // packs() -> [{id, name, version, publisher}]
  // An engine's packs never change: asked of the module once (restore() asks first, to see the engine answers).
  Engine.prototype.packs = function () {
    if (!this._h) return [];
    if (!this._packs) {
      var r = this._call('ps_packs', []);
      if (!(r.ok && Array.isArray(r.value))) return [];
      this._packs = JSON.stringify(r.value);
    }
    return JSON.parse(this._packs);
  };

  // Frees the engine in the module. Safe to call twice; afterwards check() returns {error: 'engine disposed'}.
  Engine.prototype.dispose = function () {
    if (!this._h) return;
    var h = this._h;
    this._h = 0;
    if (this._rt._broken) return;
    try { this._rt._m._ps_dispose(h); } catch (e) { this._rt._broken = errorText(e); }
  };

  // load({wasmBinary?, wasmUrl?, moduleFactory?, defaultPacks?}) -> Promise<Runtime>.
  function load(opts) {
    opts = opts || {};
    return Promise.resolve().then(function () {
      var factory = findFactory(opts);
      return findWasmBinary(opts).then(function (bytes) {
        return factory({
          wasmBinary: bytes,
          print: function () {},
          printErr: function (s) { if (typeof console !== 'undefined') console.warn('postscrub: ' + s); }
        });
      });
    }).then(function (mod) {
      return findDefaultPacks(opts).then(function (packs) { return new Runtime(mod, packs); });
    });
  }

  // snapshotInfo(bytes) -> {packs: number of packs it holds, bytes} | null: what a snapshot is, before restoring it.
  function snapshotInfo(bytes) {
    var h = readSnapshotHeader(bytes);
    return h.ok && h.meta && Array.isArray(h.meta.packs) ? { packs: h.meta.packs.length, bytes: h.bytes.length } : null;
  }

  // makeSnapshot({wasmBinary?, ..., packTexts, warmTexts?}) -> Promise<Uint8Array>: a fresh runtime compiles the
  // packs, checks warmTexts (synthetic posts: their automata states are then part of the snapshot) and hands
  // over its memory. Never give it real text: whatever the module saw is in the snapshot.
  function makeSnapshot(opts) {
    return load(opts).then(function (rt) {
      var texts = opts.packTexts;
      if (!Array.isArray(texts) || texts.some(function (t) { return typeof t !== 'string'; })) {
        throw new Error('makeSnapshot: packTexts must be the pack JSON texts');
      }
      if (!rt.buildId()) throw new Error('makeSnapshot: the module has no build id (not stamped at link)');
      var r = rt.compile(texts);
      if (!r.ok) throw new Error('makeSnapshot: ' + r.error);
      (opts.warmTexts || []).forEach(function (t) { r.engine.check(String(t)); });
      rt._zeroFreeMemory();
      return rt._snapshot(r.engine, texts);
    });
  }

  var api = { load: load, makeSnapshot: makeSnapshot, snapshotInfo: snapshotInfo };
  root.Postscrub = api;
  if (typeof module === 'object' && module && module.exports) module.exports = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
