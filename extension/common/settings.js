/*
 * Postscrub settings: defaults, cleaning of stored values, the admin policy overlay, per-site switches, the
 * personal allowlist, and the filter that applies them to the engine's findings. Pure logic (runs in Node tests);
 * reading and writing go through PS.platform in the background.
 *
 * Stored in storage.local (never the text of a post):
 *   settings:  {threshold, prepost, sites: {host: bool}, disabledPacks: [id], allowlist: [term]}
 *   teamPacks: [{id, name, version, source: 'file'|'url', url, text, error, updatedAt}]
 * Admin policy (storage.managed, see managed_schema.json): packs, packUrls, disabledPacks, severityThreshold,
 * prePostCheck, allowlist, enabledSites, disabledSites, lockSettings. Policy values win over the user's.
 */
(function (root) {
  'use strict';
  const PS = root.PS = root.PS || {};
  if (PS.settings) return;

  const SEVERITIES = ['info', 'low', 'medium', 'high'];
  const MAX_TERMS = 1000, MAX_TERM = 200, MAX_SITES = 500;

  /** The sites the extension runs on out of the box (host_permissions in the manifest). */
  const BUILTIN_SITES = ['facebook.com', 'x.com', 'twitter.com', 'linkedin.com'];
  const BUILTIN_HOSTS = ['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com',
    'x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com',
    'linkedin.com', 'www.linkedin.com', 'm.linkedin.com'];

  const DEFAULTS = Object.freeze({ threshold: 'info', prepost: true, sites: {}, disabledPacks: [], allowlist: [] });

  const str = (v, max) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
  const strList = (v, max, maxLen) => (Array.isArray(v) ? v : []).map((x) => str(x, maxLen)).filter(Boolean).slice(0, max);
  const uniqCI = (list) => {
    const seen = new Set();
    return list.filter((t) => { const k = t.toLowerCase(); if (seen.has(k)) return false; seen.add(k); return true; });
  };

  /** "www.facebook.com" -> "facebook.com" for the built-in sites; other hosts stay as they are (lower-cased). */
  function siteKey(host) {
    const h = String(host || '').toLowerCase().replace(/\.$/, '');
    const bare = h.replace(/^(www|m|mobile|web)\./, '');
    return BUILTIN_SITES.includes(bare) ? bare : h;
  }
  const isBuiltinSite = (host) => BUILTIN_SITES.includes(siteKey(host));

  /** A clean copy of stored settings: wrong types fall back to the defaults, lists are bounded. */
  function normalize(raw) {
    const r = raw && typeof raw === 'object' ? raw : {};
    const sites = {};
    if (r.sites && typeof r.sites === 'object') {
      for (const [k, v] of Object.entries(r.sites).slice(0, MAX_SITES)) if (typeof v === 'boolean' && k) sites[siteKey(k)] = v;
    }
    return {
      threshold: SEVERITIES.includes(r.threshold) ? r.threshold : DEFAULTS.threshold,
      prepost: typeof r.prepost === 'boolean' ? r.prepost : DEFAULTS.prepost,
      sites,
      disabledPacks: strList(r.disabledPacks, 100, 64),
      allowlist: uniqCI(strList(r.allowlist, MAX_TERMS, MAX_TERM)),
    };
  }

  /** A clean copy of the admin policy (storage.managed); unknown or mistyped fields are dropped. */
  function normalizePolicy(raw) {
    const r = raw && typeof raw === 'object' ? raw : {};
    const p = {};
    if (Array.isArray(r.packs)) p.packs = r.packs.filter((x) => typeof x === 'string' || (x && typeof x === 'object'))
      .map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).slice(0, 50);
    if (Array.isArray(r.packUrls)) p.packUrls = strList(r.packUrls, 50, 2048).filter((u) => /^https:\/\//i.test(u));
    if (Array.isArray(r.disabledPacks)) p.disabledPacks = strList(r.disabledPacks, 100, 64);
    if (SEVERITIES.includes(r.severityThreshold)) p.threshold = r.severityThreshold;
    if (typeof r.prePostCheck === 'boolean') p.prepost = r.prePostCheck;
    if (Array.isArray(r.allowlist)) p.allowlist = strList(r.allowlist, MAX_TERMS, MAX_TERM);
    if (Array.isArray(r.enabledSites)) p.enabledSites = strList(r.enabledSites, MAX_SITES, 253).map(siteKey);
    if (Array.isArray(r.disabledSites)) p.disabledSites = strList(r.disabledSites, MAX_SITES, 253).map(siteKey);
    if (typeof r.lockSettings === 'boolean') p.lockSettings = r.lockSettings;
    return p;
  }

  /**
   * Effective settings = the user's, overlaid by the policy. `locked` lists the fields the user cannot change.
   * The personal allowlist and the policy's allowlist are joined; so are the disabled packs.
   */
  function effective(userRaw, policyRaw) {
    const u = normalize(userRaw);
    const p = normalizePolicy(policyRaw);
    const e = { ...u, sites: { ...u.sites }, locked: [], policy: p };
    if (p.threshold) { e.threshold = p.threshold; e.locked.push('threshold'); }
    if (typeof p.prepost === 'boolean') { e.prepost = p.prepost; e.locked.push('prepost'); }
    if (p.disabledPacks) e.disabledPacks = [...new Set([...u.disabledPacks, ...p.disabledPacks])];
    e.policyAllowlist = p.allowlist || [];
    for (const s of p.enabledSites || []) { e.sites[s] = true; }
    for (const s of p.disabledSites || []) { e.sites[s] = false; }
    e.lockedSites = [...(p.enabledSites || []), ...(p.disabledSites || [])];
    if (p.lockSettings) e.locked.push('threshold', 'prepost', 'sites', 'packs', 'teamPacks');
    e.locked = [...new Set(e.locked)];
    return e;
  }

  /** Is Postscrub on for this host? Built-in sites default to on; other hosts only run it once the user enabled them. */
  function siteEnabled(eff, host) {
    const k = siteKey(host);
    if (eff.sites && typeof eff.sites[k] === 'boolean') return eff.sites[k];
    return isBuiltinSite(host);
  }

  function addAllowTerm(userRaw, term) {
    const u = normalize(userRaw);
    const t = str(term, MAX_TERM);
    if (!t) return u;
    u.allowlist = uniqCI([...u.allowlist, t]).slice(0, MAX_TERMS);
    return u;
  }
  function removeAllowTerm(userRaw, term) {
    const u = normalize(userRaw);
    const k = String(term || '').trim().toLowerCase();
    u.allowlist = u.allowlist.filter((t) => t.toLowerCase() !== k);
    return u;
  }

  /**
   * The findings a user sees: at or above the threshold, not allowlisted (case-insensitive exact span text, as the
   * engine's `allow`), not ignored (a Set of keys from ignoreKey()). Returns {findings, risk}.
   */
  function filterFindings(findings, risk, { threshold = 'info', allowlist = [], ignored = null } = {}) {
    const min = SEVERITIES.indexOf(threshold);
    const allow = new Set(allowlist.map((t) => t.trim().toLowerCase()));
    const shown = (findings || []).filter((f) => SEVERITIES.indexOf(f.severity) >= min
      && !allow.has(String(f.text || '').trim().toLowerCase())
      && !(ignored && ignored.has(ignoreKey(f))));
    // Nothing filtered out: the engine's own post-level risk stands as it is.
    const all = (findings || []).length === shown.length;
    return { findings: shown, risk: all && risk && shown.length ? risk : riskOf(shown, risk) };
  }
  const ignoreKey = (f) => `${f.rule}\u0000${String(f.text || '').toLowerCase()}`;

  /** The post-level risk once findings were filtered: none if nothing is left, never below the worst one shown. */
  function riskOf(shown, risk) {
    const LEVELS = ['none', 'low', 'medium', 'high'];
    if (!shown.length) return { level: 'none', score: 0 };
    const engineLevel = risk && LEVELS.includes(risk.level) ? risk.level : 'none';
    const worst = shown.reduce((m, f) => Math.max(m, Math.max(1, SEVERITIES.indexOf(f.severity))), 1);
    const level = LEVELS[Math.max(LEVELS.indexOf(engineLevel), worst)];
    const score = risk && typeof risk.score === 'number' ? risk.score : 0;
    return { level, score };
  }

  PS.settings = { DEFAULTS, BUILTIN_SITES, BUILTIN_HOSTS, SEVERITIES, siteKey, isBuiltinSite, normalize, normalizePolicy,
    effective, siteEnabled, addAllowTerm, removeAllowTerm, filterFindings, ignoreKey, riskOf };
  if (typeof module === 'object' && module.exports) module.exports = PS.settings;
})(typeof globalThis !== 'undefined' ? globalThis : self);
