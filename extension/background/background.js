/*
 * Postscrub background (Chrome: service worker, classic script; Firefox: background.scripts). Hosts the WASM
 * engine (it may not run in content scripts: the page's CSP would apply), answers the content scripts' checks,
 * keeps settings and packs, and serves the popup and options page.
 *
 * Trust: a port from a content script is unprivileged (check, redact, allow a term the user clicked, stats);
 * settings and packs change only from our own extension pages. Decided from the sender, never from the message.
 * Privacy: post text lives only in memory for the duration of one check; nothing is sent anywhere.
 */
// Runs as the last part of background/worker.js, which scripts/build-extension joins from WORKER_PARTS: PS (common/),
// EngineHost, Postscrub and boot.js's early reads are defined before it.

(function (root) {
  'use strict';
  const PS = root.PS;
  // Timing probes for bench/browser (its instrumented copy defines PS.trace); a no-op in the shipped extension.
  const trace = typeof PS.trace === 'function' ? PS.trace : null;
  if (trace) trace('scripts-loaded');
  const P = PS.platform;
  const S = PS.settings;
  const api = P.api;
  const CONTENT_JS = ['common/platform.js', 'common/protocol.js', 'common/settings.js', 'content/textmap.js', 'content/messaging.js',
    'content/adapters.js', 'content/editing.js', 'content/ui.js', 'content/main.js'];
  const CONTENT_CSS = ['content/highlights.css'];
  const MAX_PACK_BYTES = 2 * 1024 * 1024;
  const REFRESH_ALARM = 'postscrub-refresh-packs';

  const host = new PS.EngineHost({
    Postscrub: root.Postscrub,
    loadWasm: async () => {
      const r = await fetch(P.getURL('wasm/postscrub_core.wasm'));
      if (!r.ok) throw new Error(`postscrub_core.wasm: HTTP ${r.status}`);
      const bytes = new Uint8Array(await r.arrayBuffer());
      if (trace) trace('wasm-fetched');
      return bytes;
    },
    loadModule: root.postscrubWasmModule ? () => root.postscrubWasmModule : null,
    // Handed over once, then dropped here: the engine's memory holds it afterwards, not a second copy.
    loadSnapshot: root.postscrubSnapshot ? () => { const p = root.postscrubSnapshot; root.postscrubSnapshot = null; return p; } : null,
    loadDefaultPacks: () => root.postscrubDefaultPacks || Promise.resolve([]),
  });

  let userRaw = {}, policyRaw = {}, teamPacks = [], policyPackCache = {};
  let eff = S.effective({}, {});
  let lastConfigure = { ok: false, errors: [], packs: [] };
  const ports = new Set();               // {port, tabId, host}
  const tabStats = new Map();

  // ---- settings and packs --------------------------------------------------------------------------------------
  async function loadStored() {
    if (trace) trace('settings-start');
    const [got, policy] = await Promise.all([P.localGet(['settings', 'teamPacks', 'policyPackCache']), P.managedGet()]);
    userRaw = S.normalize(got.settings);
    teamPacks = Array.isArray(got.teamPacks) ? got.teamPacks.filter((p) => p && typeof p.text === 'string') : [];
    policyPackCache = got.policyPackCache && typeof got.policyPackCache === 'object' ? got.policyPackCache : {};
    policyRaw = policy;
    eff = S.effective(userRaw, policyRaw);
    if (trace) trace('settings-loaded');
  }

  function extraPacks() {
    const out = [];
    (eff.policy.packs || []).forEach((text, i) => out.push({ key: `policy:${i}`, label: `Organisation pack ${i + 1}`, text }));
    for (const url of eff.policy.packUrls || []) {
      const c = policyPackCache[url];
      if (c && typeof c.text === 'string') out.push({ key: `policy-url:${url}`, label: url, text: c.text });
    }
    if (!eff.locked.includes('teamPacks')) {
      for (const p of teamPacks) out.push({ key: `team:${p.id}`, label: p.name || p.id, text: p.text, fallbackText: p.lastGood });
    }
    return out;
  }

  async function rebuild() {
    const started = await host.start();
    if (trace) trace('engine-loaded');
    if (!started.ok) { lastConfigure = { ok: false, errors: [{ key: 'engine', label: 'Engine', error: started.error }], packs: [] }; return; }
    const full = () => host.configure({ disabledPacks: eff.disabledPacks, extra: extraPacks(),
      allowlist: [...eff.allowlist, ...eff.policyAllowlist] });
    // Cold start: the Safe Harbor pack alone answers the check that woke the worker; all packs follow and every
    // open composer is rechecked. Without a personal allowlist or extra packs only: those must never be skipped.
    const quick = !eff.allowlist.length && !eff.policyAllowlist.length && !extraPacks().length
      ? host.configureQuick({ disabledPacks: eff.disabledPacks }) : null;
    if (quick) {
      lastConfigure = quick;
      if (trace) trace('packs-compiled');
      // After the checks already queued (a macrotask after their handlers), not before them. Extension pages
      // (options, popup) wait for it: they show the packs in use, and a partial list would be wrong.
      fullPending = new Promise((resolve) => setTimeout(() => {
        lastConfigure = full();
        broadcastState(true, false);   // a recheck, not a reload: on-page choices made meanwhile ("ignore once") stay
        setTimeout(() => host.warm(), 250);
        resolve();
      }, 30));
      return;
    }
    lastConfigure = full();
    if (trace) trace('packs-compiled');
    // Warm the new engine for the next keystroke, but only if no check comes soon: a check already waiting for
    // this engine pays the first-use cost itself and must not queue behind a synthetic one.
    setTimeout(() => host.warm(), 250);
  }

  let ready = null;
  let fullPending = Promise.resolve();   // the full pack set after a cold start's quick one (rebuild)
  function init() {
    if (!ready) {
      host.start();                     // loading the engine overlaps reading the settings
      ready = (async () => { await loadStored(); await rebuild(); })();
      ready.then(() => reconcileSites()).catch(() => { /* retried on the next permission change */ });
    }
    return ready;
  }
  async function reload() {
    await init();
    await loadStored();
    await rebuild();
    broadcastState(true);
  }

  async function saveSettings(next) {
    userRaw = S.normalize(next);
    await P.localSet({ settings: userRaw });
    eff = S.effective(userRaw, policyRaw);
  }

  // ---- content-script ports --------------------------------------------------------------------------------------
  function hostOf(url) { try { return new URL(url).hostname; } catch { return ''; } }
  function stateFor(h, extra = {}) {
    return { type: 'state', enabled: S.siteEnabled(eff, h), threshold: eff.threshold, prepost: eff.prepost,
      userSite: !S.isBuiltinSite(h), ...extra };
  }
  function broadcastState(recheck, reloaded = recheck) {
    for (const c of ports) { try { c.port.postMessage(stateFor(c.host, { recheck: !!recheck, reloaded: !!reloaded })); } catch { /* closed */ } }
  }

  P.onConnect((port) => {
    if (port.name !== 'postscrub') { port.disconnect(); return; }
    const sender = port.sender || {};
    if (PS.protocol.senderTrust(sender, api.runtime.id, P.extensionOrigin()) !== 'content') { port.disconnect(); return; }
    const conn = { port, tabId: sender.tab.id, host: hostOf(sender.url || (sender.tab && sender.tab.url) || '') };
    ports.add(conn);
    port.onDisconnect.addListener(() => { ports.delete(conn); });
    port.onMessage.addListener((raw) => { onPortMessage(conn, raw).catch(() => { /* reply lost */ }); });
  });

  async function onPortMessage(conn, raw) {
    if (trace && raw && raw.type === 'check') trace('recv', raw.version);
    const v = PS.protocol.validateContentMessage(raw);
    if (!v.ok) return;
    const m = v.msg;
    await init();
    const reply = (msg) => { try { conn.port.postMessage(msg); } catch { /* tab gone */ } };
    const on = S.siteEnabled(eff, conn.host);
    switch (m.type) {
      case 'hello':
        reply(stateFor(conn.host));
        break;
      case 'ping':        // nothing to answer: receiving it started the engine (init) and reset the idle timer
        break;
      case 'check': {
        if (trace) trace('check-start', m.version);
        if (!on) { reply({ type: 'result', id: m.id, composer: m.composer, version: m.version, findings: [], risk: { level: 'none', score: 0 } }); break; }
        const out = host.check(m.text);
        const shown = S.filterFindings(out.findings, out.risk, { threshold: eff.threshold, allowlist: [...eff.allowlist, ...eff.policyAllowlist] });
        reply({ type: 'result', id: m.id, composer: m.composer, version: m.version, findings: shown.findings, risk: shown.risk,
          ...(out.error ? { error: out.error } : {}) });
        if (trace) trace('check-replied', m.version);
        break;
      }
      case 'redact': {
        const r = on ? host.redact(m.text, m.spans) : { edits: [] };
        reply({ type: 'edits', id: m.id, composer: m.composer, version: m.version, edits: r.edits || [], ...(r.error ? { error: r.error } : {}) });
        break;
      }
      case 'allow': {
        await saveSettings(S.addAllowTerm(userRaw, m.term));
        await rebuild();
        broadcastState(true);
        break;
      }
      case 'stats': {
        tabStats.set(conn.tabId, { ...m, host: conn.host, at: Date.now() });
        const color = m.level === 'high' ? '#b00017' : m.level === 'medium' ? '#b36200' : '#1a56b0';
        P.setActionBadge(conn.tabId, m.count ? String(m.count) : '', color);
        break;
      }
      default: break;
    }
  }

  // ---- extension pages (popup, options) ---------------------------------------------------------------------------
  P.onMessage((msg, sender) => {
    if (PS.protocol.senderTrust(sender, api.runtime.id, P.extensionOrigin()) !== 'extension') return undefined;
    if (!msg || typeof msg.type !== 'string') return undefined;
    return onPageMessage(msg);
  });

  function publicState() {
    return {
      ok: true,
      settings: userRaw,
      effective: { threshold: eff.threshold, prepost: eff.prepost, sites: eff.sites, disabledPacks: eff.disabledPacks,
        allowlist: eff.allowlist, policyAllowlist: eff.policyAllowlist, locked: eff.locked, lockedSites: eff.lockedSites },
      policy: { packs: (eff.policy.packs || []).length, packUrls: eff.policy.packUrls || [] },
      defaultPacks: host.defaultPacks.map((p) => ({ id: p.id, file: p.file, enabled: !eff.disabledPacks.includes(p.id) })),
      teamPacks: teamPacks.map((p) => ({ id: p.id, name: p.name, version: p.version, source: p.source, url: p.url, error: p.error || '', updatedAt: p.updatedAt })),
      packs: lastConfigure.packs,
      errors: lastConfigure.errors,
      engineError: host.error,
      engine: { first: host.firstSource, now: host.source, snapshotError: host.snapshotError || '' },
      builtinSites: S.BUILTIN_SITES,
    };
  }

  async function onPageMessage(msg) {
    await init();
    await fullPending;
    switch (msg.type) {
      case 'get-state': return publicState();
      case 'tab-status': {
        const h = typeof msg.host === 'string' ? msg.host : '';
        const granted = S.isBuiltinSite(h) || (await P.permissions.contains([`https://${h}/*`]));
        return { ok: true, host: h, siteKey: S.siteKey(h), builtin: S.isBuiltinSite(h), granted,
          enabled: granted && S.siteEnabled(eff, h), locked: eff.lockedSites.includes(S.siteKey(h)) || eff.locked.includes('sites'),
          stats: Number.isInteger(msg.tabId) ? tabStats.get(msg.tabId) || null : null, engineError: host.error };
      }
      case 'set-settings': {
        const next = { ...userRaw };
        for (const k of ['threshold', 'prepost', 'disabledPacks', 'allowlist']) if (k in (msg.settings || {})) next[k] = msg.settings[k];
        await saveSettings(next);
        await rebuild();
        broadcastState(true);
        return publicState();
      }
      case 'set-site': {
        const h = String(msg.host || '');
        const k = S.siteKey(h);
        if (!k || eff.lockedSites.includes(k) || eff.locked.includes('sites')) return { ok: false, error: 'this site is set by your organisation' };
        const sites = { ...userRaw.sites, [k]: !!msg.enabled };
        await saveSettings({ ...userRaw, sites });
        if (!S.isBuiltinSite(h)) {
          if (msg.enabled) await registerSite(h, msg.tabId); else await P.scripting.unregister([`ps-site-${k}`]);
        }
        broadcastState(false);
        return { ok: true };
      }
      case 'remove-allow': {
        await saveSettings(S.removeAllowTerm(userRaw, msg.term));
        await rebuild();
        broadcastState(true);
        return publicState();
      }
      case 'import-pack': return importPack(msg);
      case 'remove-pack': {
        teamPacks = teamPacks.filter((p) => p.id !== msg.id);
        await P.localSet({ teamPacks });
        await rebuild();
        broadcastState(true);
        return publicState();
      }
      case 'refresh-packs': await refreshUrlPacks(); return publicState();
      default: return { ok: false, error: 'unknown request' };
    }
  }

  async function fetchPack(url) {
    if (!/^https:\/\//i.test(url)) return { ok: false, error: 'a pack URL must start with https://' };
    try {
      const r = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow' });
      if (!r.ok) return { ok: false, error: `${url}: HTTP ${r.status}` };
      const text = await r.text();
      if (text.length > MAX_PACK_BYTES) return { ok: false, error: `${url}: larger than 2 MB` };
      return { ok: true, text };
    } catch (e) { return { ok: false, error: `${url}: ${e && e.message || e}` }; }
  }

  /** {source:'file', text, name} or {source:'url', url}. A broken pack keeps the last good copy and reports why. */
  async function importPack(msg) {
    if (eff.locked.includes('teamPacks')) return { ok: false, error: 'team packs are managed by your organisation' };
    let text = typeof msg.text === 'string' ? msg.text : '';
    const source = msg.source === 'url' ? 'url' : 'file';
    const url = source === 'url' ? String(msg.url || '').trim() : '';
    const where = source === 'url' ? url : (String(msg.name || 'file').slice(0, 200));
    if (source === 'url') {
      const f = await fetchPack(url);
      if (!f.ok) return { ok: false, error: f.error };
      text = f.text;
    }
    if (text.length > MAX_PACK_BYTES) return { ok: false, error: `${where}: larger than 2 MB` };
    const v = host.validate(text);
    if (!v.ok) {
      const id = PS.packIdOf(text);
      const old = id && teamPacks.find((p) => p.id === id);
      if (old) { old.error = `${where}: ${v.error}`; await P.localSet({ teamPacks }); }
      return { ok: false, error: `${where}: ${v.error}${old ? ' (the last good version stays in use)' : ''}` };
    }
    const entry = { id: v.pack.id, name: v.pack.name || v.pack.id, version: v.pack.version || '', source, url, text, lastGood: text,
      error: '', updatedAt: Date.now() };
    teamPacks = [...teamPacks.filter((p) => p.id !== entry.id), entry];
    await P.localSet({ teamPacks });
    await rebuild();
    broadcastState(true);
    return { ...publicState(), imported: entry.id };
  }

  async function refreshUrlPacks() {
    let changed = false;
    for (const p of teamPacks.filter((x) => x.source === 'url' && x.url)) {
      const f = await fetchPack(p.url);
      const v = f.ok ? host.validate(f.text) : { ok: false, error: f.error };
      if (v.ok) { if (f.text !== p.text) { p.text = f.text; p.lastGood = f.text; p.version = v.pack.version || p.version; changed = true; } p.error = ''; }
      else p.error = `${p.url}: ${v.error} (the last good version stays in use)`;
      p.updatedAt = Date.now();
    }
    for (const url of eff.policy.packUrls || []) {
      const f = await fetchPack(url);
      if (f.ok && host.validate(f.text).ok) { if (!policyPackCache[url] || policyPackCache[url].text !== f.text) changed = true; policyPackCache[url] = { text: f.text, at: Date.now() }; }
    }
    await P.localSet({ teamPacks, policyPackCache });
    if (changed) { await rebuild(); broadcastState(true); }
  }

  // ---- sites the user enabled (optional host permissions) ---------------------------------------------------------------
  async function registerSite(h, tabId) {
    const k = S.siteKey(h);
    const origins = [`https://${h}/*`];
    if (!(await P.permissions.contains(origins))) return { ok: false, error: 'permission not granted' };
    const id = `ps-site-${k}`;
    const existing = await P.scripting.registered();
    if (!existing.some((s) => s.id === id)) {
      await P.scripting.register([{ id, matches: origins, js: CONTENT_JS, css: CONTENT_CSS, runAt: 'document_idle', allFrames: false }]);
    }
    if (Number.isInteger(tabId)) await P.scripting.inject(tabId, CONTENT_JS, CONTENT_CSS);
    return { ok: true };
  }
  async function reconcileSites() {
    const registered = await P.scripting.registered();
    for (const s of registered) {
      if (!s.id.startsWith('ps-site-')) continue;
      const h = s.id.slice('ps-site-'.length);
      if (!(await P.permissions.contains([`https://${h}/*`])) || eff.sites[S.siteKey(h)] !== true) await P.scripting.unregister([s.id]);
    }
    for (const [k, on] of Object.entries(eff.sites)) {
      if (on && !S.isBuiltinSite(k) && !registered.some((s) => s.id === `ps-site-${k}`)) await registerSite(k);
    }
  }

  // ---- events --------------------------------------------------------------------------------------------------
  P.onStorageChanged((changes, area) => { if (area === 'managed') reload(); });
  P.alarms.onAlarm((a) => { if (a && a.name === REFRESH_ALARM) init().then(refreshUrlPacks); });
  if (api.runtime.onInstalled) api.runtime.onInstalled.addListener(() => P.alarms.create(REFRESH_ALARM, { periodInMinutes: 24 * 60 }));
  if (api.tabs && api.tabs.onRemoved) api.tabs.onRemoved.addListener((tabId) => tabStats.delete(tabId));
  if (api.permissions && api.permissions.onRemoved) api.permissions.onRemoved.addListener(() => { init().then(reconcileSites); });
  init();

  PS.background = { host, init, get effective() { return eff; } };
})(typeof globalThis !== 'undefined' ? globalThis : self);
