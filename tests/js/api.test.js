// Tests of the JavaScript API of the WASM module (docs/contracts.md section 5), under `node --test tests/js/`.
// Loads dist/wasm (scripts/build), or the folder named by POSTSCRUB_WASM_DIR (e.g. build/wasm/wasm-out).
// Synthetic text only: the numbers and names below are invented.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../..');
const WASM_DIR = path.resolve(process.env.POSTSCRUB_WASM_DIR || path.join(REPO, 'dist/wasm'));

function packTexts() {
  const dir = path.join(REPO, 'rules');
  return fs.readFileSync(path.join(dir, 'packs.txt'), 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')).map((n) => fs.readFileSync(path.join(dir, n), 'utf8'));
}

// Every finding's offsets must point at its text, in UTF-16 and in UTF-8 bytes.
function assertOffsets(text, findings) {
  for (const f of findings) {
    assert.equal(text.slice(f.start, f.end), f.text, `UTF-16 span of ${f.rule}`);
    if (f.byte_start !== undefined) {
      const utf8 = Buffer.from(text, 'utf8');   // a lone surrogate becomes EF BF BD, as in the module
      assert.equal(Buffer.byteLength(text.slice(0, f.start)), f.byte_start, `byte_start of ${f.rule}`);
      assert.equal(utf8.subarray(f.byte_start, f.byte_end).toString('utf8'), f.text, `UTF-8 span of ${f.rule}`);
    }
  }
}

let Postscrub, runtime, engine;

test.before(async () => {
  const api = path.join(WASM_DIR, 'postscrub.js');
  assert.ok(fs.existsSync(api), `${api} is missing: run scripts/build, or set POSTSCRUB_WASM_DIR`);
  Postscrub = require(api);
  runtime = await Postscrub.load({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'postscrub_core.wasm')) });
  const res = runtime.compile(packTexts());
  assert.ok(res.ok, `default packs compile: ${res.error}`);
  engine = res.engine;
});

test('require() gives the API object and sets globalThis.Postscrub', () => {
  assert.equal(typeof Postscrub.load, 'function');
  assert.equal(globalThis.Postscrub, Postscrub);
});

test('the default packs compile; rules() and packs() describe them', () => {
  const packs = engine.packs();
  assert.ok(packs.some((p) => p.id === 'hipaa-safe-harbor'), JSON.stringify(packs));
  for (const p of packs) for (const k of ['id', 'name', 'version', 'publisher']) assert.equal(typeof p[k], 'string');
  const rules = engine.rules();
  assert.ok(rules.length >= 10, `${rules.length} rules`);
  const ssn = rules.find((r) => r.id === 'us-ssn');
  assert.ok(ssn);
  assert.equal(ssn.pack, 'hipaa-safe-harbor');
  assert.equal(ssn.category, 'ssn');
  assert.equal(ssn.severity, 'high');
});

test('the default packs come from postscrub_packs.js, not the module: compile() without arguments uses them', () => {
  const builtIn = runtime.defaultPacks();
  assert.ok(builtIn.length >= 1);
  assert.deepEqual(builtIn, packTexts(), 'byte for byte the files of rules/packs.txt');
  assert.equal(globalThis.POSTSCRUB_DEFAULT_PACKS.length, builtIn.length, 'the same global as the extension');
  const res = runtime.compile();
  assert.ok(res.ok, res.error);
  assert.deepEqual(res.engine.rules().map((r) => r.id), engine.rules().map((r) => r.id));
  res.engine.dispose();
});

test('load({defaultPacks}) overrides the default packs', async () => {
  const only = packTexts().slice(0, 1);
  const rt = await Postscrub.load({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'postscrub_core.wasm')),
                                    defaultPacks: [{ file: 'x.json', text: only[0] }] });
  assert.deepEqual(rt.defaultPacks(), only);
  const res = rt.compile();
  assert.ok(res.ok, res.error);
  assert.deepEqual(res.engine.packs().map((p) => p.id), [JSON.parse(only[0]).id]);
  res.engine.dispose();
});

test('check finds a phone, an email and an SSN, with UTF-16 offsets after an emoji', () => {
  const text = '\u{1F469}\u200D\u2695\uFE0F Long shift \u{1F62B}. Call her at (415) 555-2671, ' +
               'email jan.kowalski88@example.com, SSN 219-09-9999 on file.';
  const out = engine.check(text);
  assert.equal(out.error, undefined);
  assert.ok(Array.isArray(out.findings));
  const by = (cat) => out.findings.find((f) => f.category === cat);
  for (const [cat, span] of [['phone', '(415) 555-2671'], ['email', 'jan.kowalski88@example.com'],
                             ['ssn', '219-09-9999']]) {
    const f = by(cat);
    assert.ok(f, `a ${cat} finding in ${JSON.stringify(out.findings.map((x) => x.rule))}`);
    assert.equal(f.text, span);
    assert.equal(f.start, text.indexOf(span), `${cat} start is a UTF-16 index`);
    assert.equal(f.end, text.indexOf(span) + span.length);
    assert.ok(f.byte_start > f.start, 'UTF-8 byte offsets differ after the emoji');
  }
  assertOffsets(text, out.findings);
  assert.ok(['none', 'low', 'medium', 'high'].includes(out.risk.level));
  assert.equal(out.risk.level, 'high');
  assert.ok(out.risk.score > 0 && out.risk.score <= 1);
  const ssn = by('ssn');
  for (const k of ['rule', 'pack', 'severity', 'score', 'message', 'description', 'advice', 'redaction']) {
    assert.ok(k in ssn, `finding has ${k}`);
  }
});

test('a lone surrogate before a span keeps offsets true (it crosses as U+FFFD)', () => {
  for (const lone of ['\uD83D', '\uDE00', '\uD83D\uD83D', 'x\uDFFFy']) {
    const text = `${lone} SSN 219-09-9999 \uD800`;
    const out = engine.check(text);
    assert.equal(out.error, undefined);
    const f = out.findings.find((x) => x.category === 'ssn');
    assert.ok(f, `ssn found after ${JSON.stringify(lone)}`);
    assert.equal(text.slice(f.start, f.end), '219-09-9999');
  }
});

test('an invalid pack gives {ok: false, error} naming the rule and the field', () => {
  const pack = {
    id: 'broken-pack', name: 'Broken', version: '1.0.0', schema_version: 1, publisher: 'Tests',
    description: 'A pack with a bad regex.',
    rules: [{
      id: 'bad-regex', category: 'other_id', severity: 'low', description: 'A rule whose regex does not compile.',
      advice: 'None.', patterns: [{ regex: '(unclosed', score: 0.9 }],
      examples: { match: [], no_match: [] },
    }],
  };
  const res = runtime.compile([JSON.stringify(pack)]);
  assert.equal(res.ok, false);
  assert.equal(res.engine, undefined);
  assert.match(res.error, /bad-regex/);
  assert.match(res.error, /regex/);

  const typo = JSON.parse(JSON.stringify(pack));
  typo.rules[0].patterns[0].regex = '\\bX\\d{4}\\b';
  typo.rules[0].severty = 'low';
  const res2 = runtime.compile([JSON.stringify(typo)]);
  assert.equal(res2.ok, false);
  assert.match(res2.error, /severty/, 'an unknown field is named');

  const res3 = runtime.compile(['{ not json']);
  assert.equal(res3.ok, false);
  assert.equal(typeof res3.error, 'string');

  const res4 = runtime.compile('not an array');
  assert.equal(res4.ok, false);
});

test('redact replaces the spans and leaves every other character unchanged', () => {
  const text = '\u{1F9D1}\u200D\u2695\uFE0F Pt SSN 219-09-9999, cell 312-867-5309 \uD83D, email m.obrien@example.org.';
  const out = engine.check(text);
  assert.ok(out.findings.length >= 3);
  const red = engine.redact(text, out.findings, {});
  assert.equal(red.error, undefined);
  assert.equal(typeof red.text, 'string');
  assert.ok(Array.isArray(red.edits) && red.edits.length >= 3);
  // Applying the edits to the original gives the result, and text outside the edits is untouched.
  const edits = [...red.edits].sort((a, b) => a.start - b.start);
  let rebuilt = '';
  let at = 0;
  for (const e of edits) {
    assert.ok(e.start >= at && e.end >= e.start && e.end <= text.length, JSON.stringify(e));
    rebuilt += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  rebuilt += text.slice(at);
  // "remove" may also drop one adjacent space, which then is inside its edit; so compare whole texts.
  assert.equal(red.text, rebuilt);
  for (const s of ['219-09-9999', '312-867-5309', 'm.obrien@example.org']) assert.ok(!red.text.includes(s));
  assert.ok(red.text.startsWith('\u{1F9D1}\u200D\u2695\uFE0F Pt SSN '));
  assert.ok(red.text.endsWith('.'));
  // The lone surrogate became U+FFFD inside the engine, but outside every edit the JS text is unchanged:
  // the result is built from the caller's string and the edits.
  assert.ok(red.text.includes(' \uD83D, '));

  // Choices by rule id: a strategy for one rule.
  const masked = engine.redact(text, out.findings, { 'us-ssn': 'mask' });
  assert.ok(masked.text.includes('•••-••-••••'), masked.text);

  // Nothing to redact: the text comes back as it was.
  const none = engine.redact(text, [], {});
  assert.equal(none.text, text);
  assert.deepEqual(none.edits, []);
});

test('dispose frees the engine; calls after it return error values, never throw', () => {
  const res = runtime.compile(packTexts());
  assert.ok(res.ok);
  const e = res.engine;
  assert.ok(e.check('SSN 219-09-9999').findings.length >= 1);
  const listed = e.packs();
  assert.ok(listed.length >= 1);
  listed[0].id = 'changed by the caller';
  assert.notEqual(e.packs()[0].id, 'changed by the caller', 'each call gives its own copy');
  e.dispose();
  e.dispose();
  const out = e.check('SSN 219-09-9999');
  assert.deepEqual(out.findings, []);
  assert.match(out.error, /disposed/);
  assert.deepEqual(e.rules(), []);
  assert.deepEqual(e.packs(), []);
  assert.match(e.redact('x', [], {}).error, /disposed/);
  // The other engine still works.
  assert.ok(engine.check('SSN 219-09-9999').findings.length >= 1);
});

test('many compile/dispose cycles do not grow memory without bound', () => {
  const texts = packTexts();
  const first = runtime.compile(texts);
  first.engine.dispose();
  const before = runtime.heapSize();
  for (let i = 0; i < 30; i++) runtime.compile(texts).engine.dispose();
  assert.ok(runtime.heapSize() <= before + 4 * 1024 * 1024, `${before} -> ${runtime.heapSize()}`);
});

test('a 1 MB text does not crash and offsets stay true', () => {
  const unit = 'Quiet night on the ward \u{1F319}, nothing to report. ';
  let text = '';
  while (text.length < 1024 * 1024) text += unit;
  const at = text.length >> 1;
  text = text.slice(0, at) + ' SSN 219-09-9999 ' + text.slice(at) + '\uD83D';
  const out = engine.check(text);
  assert.equal(out.error, undefined);
  const f = out.findings.find((x) => x.category === 'ssn');
  assert.ok(f);
  assert.equal(text.slice(f.start, f.end), '219-09-9999');
  // The engine keeps working afterwards.
  assert.equal(engine.check('SSN 219-09-9999').findings.length >= 1, true);
});

test('non-string input and empty text are handled', () => {
  assert.deepEqual(engine.check('').findings, []);
  assert.equal(engine.check('').risk.level, 'none');
  assert.ok(Array.isArray(engine.check(12345).findings));
  assert.ok(engine.check('a\u0000b SSN 219-09-9999').findings.some((f) => f.category === 'ssn'));
});
