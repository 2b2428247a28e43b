// The playground: the same WebAssembly engine as the extension, in a plain page. Nothing leaves the browser.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const post = $('post'), mirror = $('mirror'), risk = $('risk'), list = $('findings');
  const packBox = $('pack'), packResult = $('pack-result');
  let runtime = null, engine = null, defaults = [], lastFindings = [], timer = 0;
  const history = [];

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // The textarea cannot be styled inside, so a mirror behind it draws the underlines at the same offsets.
  function drawMirror(text, findings) {
    let html = '', at = 0;
    for (const f of findings) {
      if (f.start < at) continue;                      // findings do not overlap after the engine resolves them
      html += escapeHtml(text.slice(at, f.start));
      html += `<mark class="${f.severity}">${escapeHtml(text.slice(f.start, f.end))}</mark>`;
      at = f.end;
    }
    mirror.innerHTML = html + escapeHtml(text.slice(at)) + '\n';
    mirror.scrollTop = post.scrollTop;
  }

  function renderFindings(text, out) {
    list.textContent = '';
    out.findings.forEach((f, i) => {
      const li = document.createElement('li');
      li.className = f.severity;
      const title = document.createElement('strong');
      title.textContent = `${f.message} — “${text.slice(f.start, f.end)}”`;
      const why = document.createElement('p');
      why.className = 'why';
      why.textContent = `${f.description} ${f.advice || ''} (${f.severity}, rule ${f.rule} from pack ${f.pack})`;
      const btn = document.createElement('button');
      btn.type = 'button';
      const replacement = f.redaction && f.redaction.replacement;
      btn.textContent = replacement ? `Redact → “${replacement}”` : 'Remove';
      btn.addEventListener('click', () => redact([lastFindings[i]]));
      li.append(title, why, btn);
      list.append(li);
    });
    const n = out.findings.length;
    risk.dataset.level = out.risk.level;
    risk.textContent = n ? `${n} finding${n > 1 ? 's' : ''} — post risk: ${out.risk.level}` : 'No risks found.';
  }

  function check() {
    if (!engine) return;
    const text = post.value;
    const out = engine.check(text);
    lastFindings = out.findings;
    drawMirror(text, out.findings);
    renderFindings(text, out);
  }

  function redact(findings) {
    if (!findings.length) return;
    const before = post.value;
    const res = engine.redact(before, findings);
    if (!res || typeof res.text !== 'string') return;  // a failed redaction leaves the draft as it was
    history.push(before);
    $('undo').disabled = false;
    post.value = res.text;
    check();
  }

  function compilePacks(extra) {
    const res = runtime.compile(defaults.concat(extra));
    if (!res.ok) return res;
    if (engine) engine.dispose();
    engine = res.engine;
    return res;
  }

  // Runs the pasted pack's own examples, the same proof the test suite demands of every bundled rule.
  function testPackExamples(pack) {
    const lines = [];
    let pass = 0, fail = 0;
    for (const rule of pack.rules || []) {
      const ex = rule.examples || {};
      for (const m of ex.match || []) {
        const ok = engine.check(m.text).findings.some((f) => f.rule === rule.id && m.text.slice(f.start, f.end) === m.span);
        ok ? pass++ : (fail++, lines.push(`FAIL ${rule.id}: should match “${m.span}” in “${m.text}”`));
      }
      for (const t of ex.no_match || []) {
        const hit = engine.check(t).findings.find((f) => f.rule === rule.id);
        hit ? (fail++, lines.push(`FAIL ${rule.id}: should not match “${t.slice(hit.start, hit.end)}” in “${t}”`)) : pass++;
      }
    }
    lines.push(`${pass} passed, ${fail} failed`);
    return lines.join('\n');
  }

  $('compile').addEventListener('click', () => {
    let pack;
    try { pack = JSON.parse(packBox.value); } catch (e) { packResult.textContent = `Not JSON: ${e.message}`; return; }
    const res = compilePacks([packBox.value]);
    if (!res.ok) { packResult.textContent = `Pack rejected (the previous packs stay in use):\n${res.error}`; return; }
    packResult.textContent = `Compiled. ${engine.rules().length} rules in use.\n` + testPackExamples(pack);
    check();
  });
  $('reset').addEventListener('click', () => { compilePacks([]); packResult.textContent = 'Default packs only.'; check(); });
  $('redact-all').addEventListener('click', () => redact(lastFindings.filter((f) => f.severity === 'high')));
  $('undo').addEventListener('click', () => {
    if (!history.length) return;
    post.value = history.pop();
    $('undo').disabled = !history.length;
    check();
  });
  post.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 60); });
  post.addEventListener('scroll', () => { mirror.scrollTop = post.scrollTop; });

  async function loadSamples() {
    try {
      const text = await (await fetch('samples.txt')).text();
      const posts = text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
      const sel = $('sample');
      posts.forEach((p, i) => {
        const o = document.createElement('option');
        o.value = String(i);
        o.textContent = p.slice(0, 60) + (p.length > 60 ? '…' : '');
        sel.append(o);
      });
      sel.addEventListener('change', () => { if (sel.value) { post.value = posts[+sel.value]; check(); } });
      if (!post.value) { post.value = posts[0] || ''; }
    } catch (_) { /* samples are optional */ }
  }

  async function start() {
    try {
      const wasmBinary = await (await fetch('postscrub_core.wasm')).arrayBuffer();
      runtime = await Postscrub.load({ wasmBinary });
      defaults = runtime.defaultPacks();
      const res = compilePacks([]);
      if (!res.ok) throw new Error(res.error);
      packBox.value = JSON.stringify(EXAMPLE_PACK, null, 2);
      await loadSamples();
      check();
    } catch (e) {
      risk.textContent = `The engine could not start: ${e.message}`;
    }
  }

  // A team pack a compliance office might publish: the hospital's public switchboard is not a risk.
  const EXAMPLE_PACK = {
    id: 'example-hospital', name: 'Example Hospital team pack', version: '1.0.0', schema_version: 1,
    publisher: 'Example Hospital compliance office',
    description: 'Allows the hospital\'s published numbers and flags its internal unit names.',
    allow: ['(401) 555-0100'],
    rules: [{
      id: 'example-hospital-unit', category: 'location', severity: 'medium',
      description: 'Naming an internal unit together with a patient narrows down who the patient is: HIPAA Safe Harbor (B), 45 CFR 164.514(b)(2)(i)(B).',
      message: 'Hospital unit name', advice: 'Leave the unit out, or say "our hospital".',
      patterns: [{ regex: '\\b(?:Ward|Unit) (?:7B|5 North|Birch)\\b', score: 0.8 }],
      redact: { strategy: 'label', label: '[UNIT]' },
      examples: { match: [{ text: 'Quiet shift on Ward 7B tonight', span: 'Ward 7B' }], no_match: ['Unit conversions are hard'] },
    }],
  };

  start();
})();
