/*
 * Postscrub engine host: owns the WASM engine in the background (contracts §5) and the choice of packs.
 *
 *   const host = new PS.EngineHost({Postscrub, loadWasm, loadModule?, moduleFactory?, loadSnapshot?, defaultPacks?,
 *                                   loadDefaultPacks?})
 *        // defaultPacks: [{file, text}] in load order, or loadDefaultPacks() -> Promise of the same (read in start();
 *        // an entry {file, error} is a bundled pack that could not be read: left out and reported by configure()).
 *        // loadModule() -> Promise<WebAssembly.Module>: a module compiled
 *        // ahead (compileStreaming at worker start, while the other scripts load); with the Emscripten factory
 *        // (moduleFactory, default globalThis.PostscrubCore) it is only instantiated. Else loadWasm() -> bytes.
 *        // loadSnapshot() -> Promise<bytes | null>: the build's engine snapshot of the bundled packs (postscrub.js
 *        // restore()); the engine for exactly those packs then comes from it instead of a compile.
 *   await host.start()                 // -> {ok} | {ok: false, error}; loads the module once (and restores the snapshot)
 *   host.source, host.firstSource      // where the engine in use / this worker's first engine came from:
 *                                      // 'snapshot' | 'compiled' | null; host.snapshotError: why a snapshot was skipped
 *   host.configureQuick({disabledPacks})  // cold start: the first bundled pack alone, at once -> {partial: true} | null
 *   host.configure({disabledPacks, extra, allowlist})
 *        // extra: [{key, label, text, fallbackText}] packs after the defaults (admin, team); each is tried on its own:
 *        // a pack the engine rejects is left out (or its last good `fallbackText` is used) and reported
 *        // -> {ok, errors: [{key, label, error}], packs: [{id, name, version, publisher}]}
 *   host.validate(text)                // a candidate pack against the packs in use -> {ok, error} | {ok, pack}
 *   host.check(text)                   // -> {findings, risk} (each finding gets packName) | {error}
 *   host.warm()                        // one check of a synthetic text if the new engine has not checked yet
 *   host.redact(text, spans)           // spans the content script asks for -> {edits} (only real findings)
 * A failed configure keeps the previous engine: checking never stops because of a broken pack. A configure with
 * the same packs and allowlist as the engine in use keeps it (no recompile).
 */
(function (root) {
  'use strict';
  const PS = root.PS = root.PS || {};
  if (PS.EngineHost) return;

  const packIdOf = (text) => { try { const j = JSON.parse(text); return j && typeof j.id === 'string' ? j.id : null; } catch { return null; } };

  class EngineHost {
    constructor({ Postscrub, loadWasm, loadModule = null, moduleFactory = null, loadSnapshot = null, defaultPacks = [],
      loadDefaultPacks = null }) {
      this.Postscrub = Postscrub;
      this.loadWasm = loadWasm;
      this.loadModule = loadModule;
      this.moduleFactory = moduleFactory;
      this.loadSnapshot = loadSnapshot;
      this.restored = null;      // {engine, texts} from the snapshot, until configureQuick/configure adopts or drops it
      this.source = null;
      this.firstSource = null;
      this.snapshotError = null;
      this.loadDefaultPacks = loadDefaultPacks;
      this.setDefaultPacks(defaultPacks);
      this.packErrors = [];      // bundled packs that could not be read: [{key, label, error}]
      this.runtime = null;
      this.engine = null;
      this.texts = [];           // pack texts the current engine was compiled from
      this.errors = [];          // what the last configure left out
      this.packInfo = [];
      this.packNames = new Map();
      this.error = null;
      this.starting = null;
    }

    start() {
      if (!this.starting) {
        this.starting = (async () => {
          try {
            if (!this.Postscrub || typeof this.Postscrub.load !== 'function') throw new Error('the Postscrub WASM module is missing');
            this.runtime = await this.loadRuntime();
            trace('runtime-ready');
            if (!this.runtime || typeof this.runtime.compile !== 'function') throw new Error('Postscrub.load() returned no runtime');
            if (this.loadDefaultPacks) {
              const read = await this.loadDefaultPacks();
              this.packErrors = read.filter((p) => typeof p.text !== 'string')
                .map((p) => ({ key: `bundled:${p.file}`, label: p.file, error: `could not be read: ${p.error || 'no text'}` }));
              this.setDefaultPacks(read.filter((p) => typeof p.text === 'string'));
            }
            await this.restoreSnapshot();
            return { ok: true };
          } catch (e) {
            this.error = `engine failed to load: ${e && e.message || e}`;
            return { ok: false, error: this.error };
          }
        })();
      }
      return this.starting;
    }

    setDefaultPacks(packs) {
      this.defaultPacks = packs.map((p) => ({ ...p, id: packIdOf(p.text) }));
    }

    async loadRuntime() {
      return (await this.loadPrecompiled()) || await this.Postscrub.load({ wasmBinary: await this.loadWasm() });
    }

    /**
     * The engine of the first bundled packs from the build's snapshot (the build ships the Safe Harbor pack's), kept
     * in `restored` for configureQuick() / configure(), whichever asks for exactly its packs. A snapshot
     * that does not fit (another module build, other packs, damaged) is skipped: the packs compile as usual. If
     * restoring failed after memory was overwritten, the runtime is replaced by a fresh one.
     */
    async restoreSnapshot() {
      if (!this.loadSnapshot || typeof this.runtime.restore !== 'function') return;
      let bytes = null;
      try { bytes = await this.loadSnapshot(); } catch { bytes = null; }
      trace('snapshot-read');
      if (!bytes) return;
      // The snapshot holds the first N bundled packs (all of them, or the first alone for a quick first engine).
      const info = typeof this.Postscrub.snapshotInfo === 'function' ? this.Postscrub.snapshotInfo(bytes) : null;
      const texts = this.defaultPacks.slice(0, info ? info.packs : this.defaultPacks.length).map((p) => p.text);
      const r = safe(() => this.runtime.restore(bytes, texts), null);
      trace('snapshot-restored');
      if (r && r.ok) { this.restored = { engine: r.engine, texts }; return; }
      this.snapshotError = String(r && r.error || 'restore failed');
      if (typeof this.runtime.fresh === 'function' && !this.runtime.fresh()) this.runtime = await this.loadRuntime();
    }

    /** Adopts the restored engine if it holds exactly `texts`, else frees it. True if adopted. */
    adoptRestored(texts) {
      const r = this.restored;
      if (!r) return false;
      this.restored = null;
      if (!this.engine && sameTexts(texts, r.texts)) {
        this.adopt(r.engine, texts, [], 'snapshot');
        return true;
      }
      safe(() => r.engine.dispose(), null);
      return false;
    }

    /**
     * The runtime from the module compiled ahead, or null (no such module, or it failed: the caller loads the
     * bytes instead). Postscrub.load() takes a `moduleFactory`; the Emscripten factory takes `instantiateWasm`,
     * which is handed the imports and instantiates our module instead of compiling `wasmBinary` (empty here).
     */
    async loadPrecompiled() {
      const factory = this.moduleFactory || root.PostscrubCore;
      if (!this.loadModule || typeof factory !== 'function') return null;
      try {
        const mod = await this.loadModule();
        trace('module-compiled');
        if (!mod) return null;
        return await new Promise((resolve, reject) => {
          const moduleFactory = (opts) => factory({ ...opts, instantiateWasm(imports, receive) {
            WebAssembly.instantiate(mod, imports).then((instance) => receive(instance, mod), reject);
            return {};
          } });
          this.Postscrub.load({ wasmBinary: new Uint8Array(0), moduleFactory }).then(resolve, reject);
        });
      } catch { return null; }
    }

    compile(texts) {
      try {
        const r = this.runtime.compile(texts);
        return r && r.ok ? { ok: true, engine: r.engine } : { ok: false, error: String(r && r.error || 'compile failed') };
      } catch (e) { return { ok: false, error: String(e && e.message || e) }; }
    }

    /**
     * The first engine after a cold start, fast: the first enabled bundled pack alone (the Safe Harbor identifiers;
     * a fraction of the compile of all packs). Returns {ok, partial: true, packs} or null when there is nothing to
     * gain (an engine exists, or there is only one pack). The caller then runs configure() for the full set and
     * asks for a recheck, so names and context findings follow a moment later instead of holding back the first.
     */
    configureQuick({ disabledPacks = [] } = {}) {
      if (!this.runtime || this.engine) return null;
      const off = new Set(disabledPacks);
      const enabled = this.defaultPacks.filter((p) => !off.has(p.id));
      if (enabled.length < 2) return null;
      // The snapshot holds all bundled packs: configure() takes it at once, nothing to gain here.
      if (this.restored && sameTexts(enabled.map((p) => p.text), this.restored.texts)) return null;
      if (this.adoptRestored([enabled[0].text])) return { ok: true, partial: true, errors: [], packs: this.packInfo };
      const r = this.compile([enabled[0].text]);
      if (!r.ok) return null;
      this.adopt(r.engine, [enabled[0].text], []);
      return { ok: true, partial: true, errors: [], packs: this.packInfo };
    }

    configure({ disabledPacks = [], extra = [], allowlist = [] } = {}) {
      if (!this.runtime) return { ok: false, errors: [{ key: 'engine', label: 'Engine', error: this.error || 'not loaded' }], packs: [] };
      const errors = [...this.packErrors];
      const off = new Set(disabledPacks);
      const terms = allowlist.filter((t) => typeof t === 'string' && t.trim());
      const allowPack = terms.length ? [JSON.stringify({ id: 'personal-allowlist', name: 'Personal allowlist', version: '1.0.0',
        schema_version: 1, publisher: 'You', description: 'Terms you chose to always allow.', allow: terms, rules: [] })] : [];
      let texts = this.defaultPacks.filter((p) => !off.has(p.id)).map((p) => p.text);
      // The usual case is one compile: everything at once. Only if that fails, pack by pack to find the broken ones.
      const everything = [...texts, ...extra.map((p) => p.text), ...allowPack];
      if (this.engine && this.errors.length === 0 && sameTexts(everything, this.texts)) {
        return { ok: true, errors: [], packs: this.packInfo, unchanged: true };
      }
      if (this.adoptRestored(everything)) {
        this.errors = errors;
        return { ok: errors.length === 0, errors, packs: this.packInfo };
      }
      let best = this.compile(everything);
      if (best.ok) texts = everything;
      else {
        best = this.compile(texts);
        if (!best.ok) {
          errors.push({ key: 'defaults', label: 'Bundled packs', error: best.error });
          texts = this.defaultPacks.map((p) => p.text);     // the disabled set broke an `extends`: use all
          best = this.compile(texts);
          if (!best.ok) return { ok: false, errors, packs: this.packInfo };
        }
        const tryAdd = (text) => {
          const r = this.compile([...texts, text]);
          if (!r.ok) return r;
          best.engine.dispose();
          best = r;
          texts = [...texts, text];
          return r;
        };
        for (const p of extra) {
          const r = tryAdd(p.text);
          if (r.ok) continue;
          errors.push({ key: p.key, label: p.label, error: r.error });
          if (p.fallbackText && p.fallbackText !== p.text) tryAdd(p.fallbackText);
        }
        // If the engine refuses the allowlist pack, the same terms are still filtered in JS (PS.settings.filterFindings).
        if (allowPack.length) tryAdd(allowPack[0]);
      }
      this.adopt(best.engine, texts, errors);
      return { ok: errors.length === 0, errors, packs: this.packInfo };
    }

    /** Makes `engine` (compiled from `texts`) the one in use, disposing of the previous one. */
    adopt(engine, texts, errors, source = 'compiled') {
      if (this.engine) { try { this.engine.dispose(); } catch { /* already gone */ } }
      this.engine = engine;
      this.source = source;
      if (!this.firstSource) this.firstSource = source;
      this.checked = false;
      this.texts = texts;
      this.packInfo = safe(() => this.engine.packs(), []);
      this.packNames = new Map(this.packInfo.map((p) => [p.id, p.name]));
      this.errors = errors;
    }

    /** Compiles `text` with the packs in use; the engine's error names the pack, rule and field. */
    validate(text) {
      if (!this.runtime) return { ok: false, error: this.error || 'engine not loaded' };
      if (typeof text !== 'string' || !text.trim()) return { ok: false, error: 'the pack is empty' };
      try { JSON.parse(text); } catch (e) { return { ok: false, error: `not valid JSON: ${e.message}` }; }
      const base = this.texts.filter((t) => packIdOf(t) !== packIdOf(text) && packIdOf(t) !== 'personal-allowlist');
      const r = this.compile([...base, text]);
      if (!r.ok) return { ok: false, error: r.error };
      const id = packIdOf(text);
      const info = safe(() => r.engine.packs(), []).find((p) => p.id === id) || { id };
      r.engine.dispose();
      return { ok: true, pack: info };
    }

    /**
     * A fresh engine's first check costs far more than the next ones (the regexes' automata are built lazily and
     * the module's code is compiled on first use): pay it with a synthetic text before the user's first keystroke.
     */
    warm() {
      if (!this.engine || this.checked) return;
      this.check('Warm-up: Mr. Sample Person, DOB 01/02/1990, MRN 00000000, room 12, call 401-555-0100, write to a@example.org.\nhttps://example.org');
    }

    check(text) {
      this.checked = true;
      if (!this.engine) return { error: this.error || 'engine not ready', findings: [], risk: { level: 'none', score: 0 } };
      const out = safe(() => this.engine.check(text), null);
      if (!out || !Array.isArray(out.findings)) return { error: 'check failed', findings: [], risk: { level: 'none', score: 0 } };
      for (const f of out.findings) f.packName = this.packNames.get(f.pack) || f.pack;
      return { findings: out.findings, risk: out.risk || { level: 'none', score: 0 } };
    }

    /** Edits for the requested spans; only spans that are findings of a fresh check of `text` are redacted. */
    redact(text, spans) {
      const out = this.check(text);
      if (out.error) return { error: out.error, edits: [] };
      const wanted = out.findings.filter((f) => spans.some((s) => s.start === f.start && s.end === f.end && (!s.rule || s.rule === f.rule)));
      if (!wanted.length) return { edits: [] };
      const r = safe(() => this.engine.redact(text, wanted, null), null);
      if (r && !r.error && Array.isArray(r.edits) && r.edits.length) return { edits: r.edits.map((e) => ({ start: e.start, end: e.end, replacement: String(e.replacement) })) };
      return { edits: wanted.map((f) => ({ start: f.start, end: f.end, replacement: f.redaction ? String(f.redaction.replacement) : `[${f.category.toUpperCase()}]` })) };
    }
  }

  // Timing probes for bench/browser (its instrumented copy defines PS.trace); a no-op in the shipped extension.
  const trace = (step) => { if (typeof PS.trace === 'function') PS.trace(step); };
  const sameTexts = (a, b) => a.length === b.length && a.every((t, i) => t === b[i]);
  function safe(fn, dflt) { try { return fn(); } catch { return dflt; } }

  PS.EngineHost = EngineHost;
  PS.packIdOf = packIdOf;
  if (typeof module === 'object' && module.exports) module.exports = { EngineHost, packIdOf };
})(typeof globalThis !== 'undefined' ? globalThis : self);
