'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { extract, extractField } = require('../../../extension/content/textmap.js');
const { el, txt } = require('./fake-dom.js');

/** The text a range covers, read from the fake DOM (start and end inside text nodes). */
function rangeText(map, s, e) {
  const r = map.range(s, e);
  assert.equal(r.startContainer.nodeType, 3, 'range starts in a text node');
  assert.equal(r.endContainer.nodeType, 3, 'range ends in a text node');
  const nodes = map.segments.map((x) => x.node);
  const a = nodes.indexOf(r.startContainer), b = nodes.indexOf(r.endContainer);
  if (a === b) return r.startContainer.data.slice(r.startOffset, r.endOffset);
  let out = r.startContainer.data.slice(r.startOffset);
  for (let i = a + 1; i < b; i++) out += nodes[i].data;
  return out + r.endContainer.data.slice(0, r.endOffset);
}

test('Lexical: paragraphs become lines, an empty paragraph (<p><br></p>) is an empty line', () => {
  const jane = txt('Jane');
  const root = el('div', el('p', el('span', 'Hello '), el('strong', jane)), el('p', el('br')), el('p', el('span', 'SSN 219-09-9999')));
  const map = extract(root);
  assert.equal(map.text, 'Hello Jane\n\nSSN 219-09-9999');
  const r = map.range(6, 10);
  assert.equal(r.startContainer, jane);
  assert.equal(r.startOffset, 0);
  assert.equal(r.endContainer, jane);
  assert.equal(r.endOffset, 4);
  assert.equal(rangeText(map, 16, 27), '219-09-9999');
});

test('a range across formatting nodes maps each end into its own text node', () => {
  const root = el('div', el('p', el('span', 'Hello '), el('strong', 'Jane'), el('span', ' Doe')));
  const map = extract(root);
  assert.equal(map.text, 'Hello Jane Doe');
  assert.equal(rangeText(map, 3, 12), 'lo Jane D');
  const r = map.range(3, 12);
  assert.equal(r.startOffset, 3);
  assert.equal(r.endOffset, 2);
});

test('range ends at a block boundary stay in the line they belong to', () => {
  const a = txt('first'), b = txt('second');
  const map = extract(el('div', el('p', a), el('p', b)));
  assert.equal(map.text, 'first\nsecond');
  const end = map.range(0, 5);
  assert.equal(end.endContainer, a, 'end of "first" is in the first paragraph');
  assert.equal(end.endOffset, 5);
  const start = map.range(6, 12);
  assert.equal(start.startContainer, b, 'start of "second" is in the second paragraph');
  assert.equal(start.startOffset, 0);
});

test('Draft.js: nested block wrappers make one line break, not several', () => {
  const block = (s) => el('div', { 'data-block': 'true' }, el('div', { class: 'public-DraftStyleDefault-block' }, el('span', el('span', { 'data-text': 'true' }, s))));
  const empty = el('div', { 'data-block': 'true' }, el('div', el('span', el('br', { 'data-text': 'true' }))));
  const root = el('div', { class: 'public-DraftEditor-content' }, el('div', { 'data-contents': 'true' }, block('Seen today, DOB 03/04/1950.'), empty, block('Bed 12')));
  const map = extract(root);
  assert.equal(map.text, 'Seen today, DOB 03/04/1950.\n\nBed 12');
  assert.equal(rangeText(map, 16, 26), '03/04/1950');
  assert.equal(rangeText(map, 29, 35), 'Bed 12');
});

test('Quill: <p> per line; trailing placeholder <br> adds nothing', () => {
  const map = extract(el('div', { class: 'ql-editor' }, el('p', 'one'), el('p', el('br')), el('p', 'two')));
  assert.equal(map.text, 'one\n\ntwo');
  assert.equal(extract(el('div', el('p', el('br')))).text, '');
});

test('<br> inside a line is a line break; a last <br> in a block is a placeholder', () => {
  assert.equal(extract(el('div', el('p', 'a', el('br'), 'b'))).text, 'a\nb');
  assert.equal(extract(el('div', el('p', 'a', el('br'), el('br')))).text, 'a\n');
  assert.equal(extract(el('div', el('p', 'a', el('br'), el('span', 'b')), el('p', 'c'))).text, 'a\nb\nc');
});

test('plain contenteditable: leading text then <div> lines (what Chrome writes)', () => {
  const map = extract(el('div', 'first', el('div', 'second'), el('div', el('br')), el('div', 'fourth')));
  assert.equal(map.text, 'first\nsecond\n\nfourth');
  assert.equal(rangeText(map, 14, 20), 'fourth');
});

test('scripts, styles and images carry no text', () => {
  const map = extract(el('div', el('p', 'a', el('img'), 'b', el('style', 'x{}'))));
  assert.equal(map.text, 'ab');
});

test('offsetOf: text positions, element positions and positions outside', () => {
  const t1 = txt('Hello '), t2 = txt('Jane');
  const p2 = el('p', el('br'));
  const root = el('div', el('p', t1, el('b', t2)), p2, el('p', 'end'));
  const map = extract(root);
  assert.equal(map.text, 'Hello Jane\n\nend');
  assert.equal(map.offsetOf(t2, 2), 8);
  assert.equal(map.offsetOf(t1, 6), 6);
  assert.equal(map.offsetOf(root, 0), 0);
  assert.equal(map.offsetOf(root, 2), 12, 'before the third paragraph');
  assert.equal(map.offsetOf(p2, 0), 10, 'an empty line maps to the end of the text before it');
  assert.equal(map.offsetOf(txt('elsewhere'), 1), -1);
  // Every offset round-trips through toDom/offsetOf inside text.
  for (let o = 0; o <= map.text.length; o++) {
    if (map.text[o - 1] === '\n' || map.text[o] === '\n') continue;
    const p = map.toDom(o, 'forward');
    assert.equal(map.offsetOf(p.node, p.offset), o, `offset ${o}`);
  }
});

test('UTF-16 offsets: astral characters count two units, like the engine', () => {
  const map = extract(el('div', el('p', '😀 Jane 219-09-9999')));
  assert.equal(map.text.indexOf('219'), 8);
  assert.equal(rangeText(map, 8, 19), '219-09-9999');
});

test('empty editor', () => {
  const map = extract(el('div'));
  assert.equal(map.text, '');
  const r = map.range(0, 0);
  assert.ok(r.startContainer);
});

test('textarea map: the value, offsets are selection offsets', () => {
  const fake = { value: 'line 1\nline 2' };
  const m = extractField(fake);
  assert.equal(m.text, 'line 1\nline 2');
  assert.deepEqual(m.range(2, 4), { startContainer: fake, startOffset: 2, endContainer: fake, endOffset: 4 });
});
