/*
 * Postscrub messages between the content script (unprivileged), the extension pages (popup, options) and the
 * background. Pure logic, no browser API: runs in Node tests.
 *
 *   content -> background, over the port "postscrub" (runtime.connect):
 *     {type:'hello'}                                          -> {type:'state', enabled, threshold, prepost, host}
 *     {type:'check',  id, composer, version, text}            -> {type:'result', id, composer, version, findings, risk}
 *     {type:'redact', id, composer, version, text, spans:[{start,end,rule}]}
 *                                                             -> {type:'edits', id, composer, version, edits}
 *     {type:'allow',  term}                                   (adds to the personal allowlist; user-initiated)
 *     {type:'stats',  composers, count, high, level}          (for the popup and the toolbar badge)
 *   Every reply to check/redact carries the version it was computed for; the content script drops stale ones.
 *
 * Page-facing data is never trusted: validateContentMessage() checks type, sizes and integer fields, and copies
 * only the known fields. Privilege is decided by the background from the sender, never from a message field.
 */
(function (root) {
  'use strict';
  const PS = root.PS = root.PS || {};
  if (PS.protocol) return;

  const LIMITS = Object.freeze({
    maxText: 1024 * 1024,        // UTF-16 code units of one post (1 MB)
    maxSpans: 2000,
    maxTerm: 200,
    maxId: 2 ** 31 - 1,
  });

  const SEVERITIES = ['info', 'low', 'medium', 'high'];
  const LEVELS = ['none', 'low', 'medium', 'high'];
  const severityRank = (s) => SEVERITIES.indexOf(s);
  const levelRank = (l) => LEVELS.indexOf(l);

  const isInt = (v, min = 0, max = LIMITS.maxId) => Number.isInteger(v) && v >= min && v <= max;
  const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  /** Returns {ok:true, msg} with a clean copy, or {ok:false, error}. */
  function validateContentMessage(m) {
    if (!isPlainObject(m) || typeof m.type !== 'string') return { ok: false, error: 'not a message' };
    switch (m.type) {
      case 'hello':
        return { ok: true, msg: { type: 'hello' } };
      case 'ping':     // a composer has focus: start the engine now / keep the worker alive while the user writes
        return { ok: true, msg: { type: 'ping' } };
      case 'check': {
        if (!isInt(m.id) || !isInt(m.composer) || !isInt(m.version)) return { ok: false, error: 'check: id, composer and version must be integers' };
        if (typeof m.text !== 'string') return { ok: false, error: 'check: text must be a string' };
        if (m.text.length > LIMITS.maxText) return { ok: false, error: 'check: text too long' };
        return { ok: true, msg: { type: 'check', id: m.id, composer: m.composer, version: m.version, text: m.text } };
      }
      case 'redact': {
        if (!isInt(m.id) || !isInt(m.composer) || !isInt(m.version)) return { ok: false, error: 'redact: id, composer and version must be integers' };
        if (typeof m.text !== 'string' || m.text.length > LIMITS.maxText) return { ok: false, error: 'redact: bad text' };
        if (!Array.isArray(m.spans) || m.spans.length > LIMITS.maxSpans) return { ok: false, error: 'redact: bad spans' };
        const spans = [];
        for (const s of m.spans) {
          if (!isPlainObject(s) || !isInt(s.start) || !isInt(s.end) || s.end < s.start || s.end > m.text.length) {
            return { ok: false, error: 'redact: bad span' };
          }
          spans.push({ start: s.start, end: s.end, rule: typeof s.rule === 'string' ? s.rule.slice(0, 128) : '' });
        }
        return { ok: true, msg: { type: 'redact', id: m.id, composer: m.composer, version: m.version, text: m.text, spans } };
      }
      case 'allow': {
        if (typeof m.term !== 'string') return { ok: false, error: 'allow: term must be a string' };
        const term = m.term.trim();
        if (!term || term.length > LIMITS.maxTerm) return { ok: false, error: 'allow: term empty or too long' };
        return { ok: true, msg: { type: 'allow', term } };
      }
      case 'stats': {
        if (!isInt(m.composers, 0, 10000) || !isInt(m.count, 0, 1e6) || !isInt(m.high, 0, 1e6)) return { ok: false, error: 'stats: bad counts' };
        const level = LEVELS.includes(m.level) ? m.level : 'none';
        return { ok: true, msg: { type: 'stats', composers: m.composers, count: m.count, high: m.high, level } };
      }
      default:
        return { ok: false, error: 'unknown message type' };
    }
  }

  /** Checks a background reply before the content script uses it (a defensive shape check). */
  function validateResult(m) {
    if (!isPlainObject(m) || !isInt(m.composer) || !isInt(m.version)) return false;
    if (m.type === 'result') return Array.isArray(m.findings) && m.findings.every((f) => isPlainObject(f) && isInt(f.start) && isInt(f.end) && f.end >= f.start);
    if (m.type === 'edits') return Array.isArray(m.edits) || typeof m.error === 'string';
    return false;
  }

  /**
   * Decides the trust of a message sender (runtime.MessageSender) from the sender alone:
   *   'extension' — our own popup/options page; 'content' — our content script in a tab; 'none' — anything else.
   */
  function senderTrust(sender, extensionId, extensionOrigin) {
    if (!sender || sender.id !== extensionId) return 'none';
    const url = typeof sender.url === 'string' ? sender.url : '';
    if (url.startsWith(extensionOrigin + '/')) return 'extension';   // popup, options (Firefox may set tab for these)
    if (sender.tab && Number.isInteger(sender.tab.id)) return 'content';
    return 'none';
  }

  // Category ids (contracts §1) -> what the card calls them.
  const HIPAA = { name: 'A', location: 'B', date: 'C', age: 'C', phone: 'D', fax: 'E', email: 'F', ssn: 'G', mrn: 'H',
    health_plan_id: 'I', account_number: 'J', license_number: 'K', vehicle_id: 'L', device_id: 'M', url: 'N',
    ip_address: 'O', biometric: 'P', photo: 'Q', other_id: 'R' };
  const CONTEXT = { patient_context: 'Patient context', medical_advice: 'Medical advice', disparagement: 'Unprofessional: disparagement',
    boundary: 'Professional boundary', promotion: 'Promotion' };
  function categoryLabel(category) {
    if (HIPAA[category]) return `HIPAA Safe Harbor (${HIPAA[category]})`;
    return CONTEXT[category] || String(category || 'Finding');
  }
  /** "Date tied to a patient — HIPAA Safe Harbor (C)" */
  function findingTitle(f) {
    const msg = (f && (f.message || f.description)) || 'Possible identifier';
    return `${msg} — ${categoryLabel(f && f.category)}`;
  }

  PS.protocol = { LIMITS, SEVERITIES, LEVELS, severityRank, levelRank, validateContentMessage, validateResult, senderTrust,
    categoryLabel, findingTitle, isInt, isPlainObject };
  if (typeof module === 'object' && module.exports) module.exports = PS.protocol;
})(typeof globalThis !== 'undefined' ? globalThis : self);
