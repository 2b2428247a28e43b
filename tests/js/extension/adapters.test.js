'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const A = require('../../../extension/content/adapters.js');
const E = require('../../../extension/content/editing.js');
const { el } = require('./fake-dom.js');

test('forHost: site adapters by host, generic elsewhere; inputs only where the user enabled the site', () => {
  assert.equal(A.forHost('www.facebook.com').name, 'facebook');
  assert.equal(A.forHost('web.facebook.com').name, 'facebook');
  assert.equal(A.forHost('x.com').name, 'x');
  assert.equal(A.forHost('mobile.twitter.com').name, 'x');
  assert.equal(A.forHost('www.linkedin.com').name, 'linkedin');
  assert.equal(A.forHost('notfacebook.com').name, 'generic');
  assert.equal(A.forHost('facebook.com.evil.example').name, 'generic');
  assert.equal(A.forHost('www.facebook.com').fieldSelector, 'textarea');
  assert.match(A.forHost('forum.example.org').fieldSelector, /input\[type="text"\]/);
  assert.match(A.forHost('www.facebook.com').composers.join(), /data-lexical-editor/);
  assert.match(A.forHost('x.com').composers.join(), /tweetTextarea_/);
  assert.match(A.forHost('www.linkedin.com').composers.join(), /ql-editor/);
});

test('composerRoot walks up to the outermost contenteditable', () => {
  const mk = (editable, ...kids) => { const e = el('div', ...kids); e.isContentEditable = editable; return e; };
  const inner = mk(true);
  const rootEl = mk(true, mk(true, inner));
  mk(false, rootEl);
  assert.equal(A.composerRoot(inner), rootEl);
  assert.equal(A.composerRoot(mk(false)), null);
});

test('planEdits: from the end backwards, overlapping edits dropped', () => {
  const plan = E.planEdits([{ start: 0, end: 4, replacement: 'A' }, { start: 10, end: 15, replacement: 'B' }, { start: 12, end: 14, replacement: 'C' }, { start: 5, end: 8, replacement: 'D' }]);
  assert.deepEqual(plan.map((e) => e.replacement), ['B', 'D', 'A']);
  // Applying them one by one gives the same text as applying all at once: earlier offsets stay true.
  const text = 'Jane 123 is at 03/04/2024';
  const edits = [{ start: 0, end: 4, replacement: '[NAME]' }, { start: 15, end: 25, replacement: '03/2024' }];
  let t = text;
  for (const e of E.planEdits(edits)) t = E.expected(t, e.start, e.end, e.replacement);
  assert.equal(t, '[NAME] 123 is at 03/2024');
});

test('enterSubmits: Facebook comment/reply boxes and enterkeyhint=send post on Enter; post composers do not', () => {
  const fb = A.forHost('www.facebook.com');
  const box = (attrs) => { const e = el('div', attrs); e.matches = () => false; return e; };
  assert.equal(A.enterSubmits(box({ 'aria-label': 'Write a comment…', role: 'textbox' }), fb), true);
  assert.equal(A.enterSubmits(box({ 'aria-placeholder': 'Write a public reply…' }), fb), true);
  assert.equal(A.enterSubmits(box({ 'aria-label': "What's on your mind?" }), fb), false, 'the post composer: Enter is a new line');
  assert.equal(A.enterSubmits(box({ 'aria-label': 'Write a comment…' }), A.forHost('x.com')), false, 'only where the site does it');
  assert.equal(A.enterSubmits(box({ enterkeyhint: 'send' }), A.forHost('forum.example.org')), true);
  assert.equal(A.enterSubmits(box({}), A.forHost('forum.example.org')), false);
});
