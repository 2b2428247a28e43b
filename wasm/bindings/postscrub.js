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
    var r = this._call('ps_compile_begin', [], false);
    for (var k = 0; r.ok && k < texts.length; k++) r = this._call('ps_compile_add', [texts[k]], false);
    if (r.ok) r = this._callJson('ps_compile_end', []);
    if (!r.ok) return { ok: false, error: r.error };
    if (!r.value.ok) return { ok: false, error: String(r.value.error) };
    return { ok: true, engine: new Engine(this, r.value.handle) };
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
  Engine.prototype.packs = function () {
    var r = this._call('ps_packs', []);
    return r.ok && Array.isArray(r.value) ? r.value : [];
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

  var api = { load: load };
  root.Postscrub = api;
  if (typeof module === 'object' && module && module.exports) module.exports = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
