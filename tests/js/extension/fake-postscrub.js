// A small stand-in for the WASM engine (contracts §5) for unit tests: a few regex rules, packs as JSON text,
// errors as values. Packs: {"id", "rules": [{"id", "category", "severity", "regex", "label"}], "allow": [...]}.
'use strict';
function compilePacks(texts) {
  const rules = [], allow = new Set(), packs = [];
  for (const [i, t] of texts.entries()) {
    let p;
    try { p = JSON.parse(t); } catch (e) { return { ok: false, error: `pack #${i}: not JSON: ${e.message}` }; }
    if (!p || typeof p.id !== 'string') return { ok: false, error: `pack #${i}: /id: missing` };
    if (!Array.isArray(p.rules)) return { ok: false, error: `pack ${p.id}: /rules: missing` };
    for (const [j, r] of p.rules.entries()) {
      let re;
      try { re = new RegExp(r.regex, 'g'); } catch (e) { return { ok: false, error: `pack ${p.id}: rule ${r.id}: /rules/${j}/patterns/0/regex: ${e.message}` }; }
      rules.push({ ...r, re, pack: p.id });
    }
    for (const a of p.allow || []) allow.add(a.toLowerCase());
    packs.push({ id: p.id, name: p.name || p.id, version: p.version || '1.0.0', publisher: p.publisher || '' });
  }
  let disposed = false;
  const engine = {
    check(text) {
      if (disposed) throw new Error('disposed');
      const findings = [];
      for (const r of rules) {
        for (const m of text.matchAll(r.re)) {
          if (allow.has(m[0].toLowerCase())) continue;
          findings.push({ start: m.index, end: m.index + m[0].length, byte_start: m.index, byte_end: m.index + m[0].length, text: m[0],
            category: r.category, rule: r.id, pack: r.pack, severity: r.severity, score: 0.9, message: r.message || r.id,
            description: `${r.id} description`, advice: 'Remove it.', redaction: { strategy: 'label', replacement: r.label || `[${r.category.toUpperCase()}]` } });
        }
      }
      findings.sort((a, b) => a.start - b.start);
      const level = findings.some((f) => f.severity === 'high') ? 'high' : findings.length ? 'medium' : 'none';
      return { findings, risk: { level, score: findings.length ? 0.9 : 0 } };
    },
    redact(text, fs) {
      const edits = fs.map((f) => ({ start: f.start, end: f.end, replacement: f.redaction.replacement }));
      let out = text;
      for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
      return { text: out, edits };
    },
    rules: () => rules.map((r) => ({ id: r.id, pack: r.pack, category: r.category, severity: r.severity })),
    packs: () => packs,
    dispose() { disposed = true; },
    get disposed() { return disposed; },
  };
  return { ok: true, engine };
}
const Postscrub = {
  compiles: 0,
  async load({ wasmBinary }) {
    if (!wasmBinary) throw new Error('no wasmBinary');
    return { compile: (texts) => { Postscrub.compiles++; return compilePacks(texts); } };
  },
};
const PACK = JSON.stringify({ id: 'test-pack', name: 'Test pack', version: '1.0.0', rules: [
  { id: 'us-ssn', category: 'ssn', severity: 'high', regex: '\\b\\d{3}-\\d{2}-\\d{4}\\b', label: '[SSN]', message: 'Social Security number' },
  { id: 'date-numeric', category: 'date', severity: 'medium', regex: '\\b\\d{1,2}/\\d{1,2}/\\d{4}\\b', label: '[DATE]' },
  { id: 'bed', category: 'patient_context', severity: 'low', regex: '\\bbed \\d+\\b', label: '[ROOM]' },
] });
module.exports = { Postscrub, PACK };
