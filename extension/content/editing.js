/*
 * Postscrub editing: replaces a span of a composer's text through the editor's own input path, so the framework
 * (Lexical, Draft.js, Quill, React-controlled fields) updates its state and Ctrl+Z undoes the change.
 *
 *   await PS.editing.replace(composer, start, end, replacement)  // -> {ok: true} | {ok: false, error}
 *
 * composer: {el, kind: 'rich'|'field', extract(): map}. Steps for rich text: map [start,end) to a Range, focus the
 * editor, select the Range, wait for `selectionchange` (≤ 30 ms; Draft.js reads the selection from it), then
 * execCommand('insertText') ('delete' for an empty replacement). Then re-read the text: it must be exactly
 * before + replacement + after. If the editor ignored the command (text unchanged), a synthetic paste
 * ClipboardEvent with a DataTransfer is tried. Any other outcome is an error: the caller rechecks.
 * For <textarea>/<input>: setSelectionRange + execCommand('insertText') (joins the control's undo), else
 * setRangeText + an `input` event.
 */
(function (root) {
  'use strict';
  const PS = root.PS = root.PS || {};
  if (PS.editing) return;

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

  function selectionSettled(doc, ms = 30) {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => { if (done) return; done = true; doc.removeEventListener('selectionchange', onChange); setTimeout(resolve, 0); };
      const onChange = () => finish();
      doc.addEventListener('selectionchange', onChange);
      setTimeout(finish, ms);
    });
  }

  function expected(text, start, end, replacement) { return text.slice(0, start) + replacement + text.slice(end); }

  async function replaceRich(composer, start, end, replacement) {
    const el = composer.el;
    const doc = el.ownerDocument;
    const before = composer.extract();
    const want = expected(before.text, start, end, replacement);
    const r = before.range(start, end);
    const range = doc.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    if (doc.activeElement !== el && !el.contains(doc.activeElement)) el.focus({ preventScroll: true });
    const sel = doc.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    await selectionSettled(doc);

    const check = async () => { await frame(); return composer.extract().text; };
    const paste = () => {
      try {
        const dt = new DataTransfer();
        dt.setData('text/plain', replacement);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true }));
      } catch { /* no DataTransfer */ }
    };
    const command = () => (replacement === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, replacement));
    // Draft.js applies execCommand('insertText') over several style runs only to the first one (measured with
    // Draft.js 0.11.7); its paste handler replaces the whole selection. So a span across nodes in Draft.js is
    // pasted first; everything else uses execCommand first.
    const crosses = r.startContainer !== r.endContainer;
    const draft = !!(el.closest && el.closest('.DraftEditor-root, .public-DraftEditor-content')) || el.classList.contains('public-DraftEditor-content');
    const steps = crosses && draft && replacement !== '' ? [['paste', paste], ['execCommand', command]] : [['execCommand', command], ['paste', paste]];

    for (let i = 0; i < steps.length; i++) {
      if (i > 0) {
        const again = composer.extract().range(start, end);
        const r2 = doc.createRange();
        r2.setStart(again.startContainer, again.startOffset);
        r2.setEnd(again.endContainer, again.endOffset);
        sel.removeAllRanges();
        sel.addRange(r2);
        await selectionSettled(doc);
      }
      steps[i][1]();
      const now = await check();
      if (now === want) return { ok: true, via: steps[i][0] };
      if (now !== before.text) return { ok: false, error: 'the editor changed the text differently than asked', text: now };
      // unchanged: the editor ignored this way; try the next
    }
    return { ok: false, error: 'the editor did not accept the edit' };
  }

  async function replaceField(composer, start, end, replacement) {
    const el = composer.el;
    const doc = el.ownerDocument;
    const beforeText = el.value;
    const want = expected(beforeText, start, end, replacement);
    if (doc.activeElement !== el) el.focus({ preventScroll: true });
    el.setSelectionRange(start, end);
    await sleep(0);
    if (replacement === '') doc.execCommand('delete', false); else doc.execCommand('insertText', false, replacement);
    if (el.value === want) return { ok: true, via: 'execCommand' };
    if (el.value !== beforeText) return { ok: false, error: 'the field changed differently than asked' };
    el.setRangeText(replacement, start, end, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    return el.value === want ? { ok: true, via: 'setRangeText' } : { ok: false, error: 'the field did not accept the edit' };
  }

  function replace(composer, start, end, replacement) {
    return composer.kind === 'field' ? replaceField(composer, start, end, replacement) : replaceRich(composer, start, end, replacement);
  }

  /** Orders edits for applying one by one: from the end backwards, so earlier offsets stay true. Drops overlaps. */
  function planEdits(edits) {
    const sorted = [...edits].sort((a, b) => b.end - a.end || a.start - b.start);   // outer edit wins an overlap
    const out = [];
    let limit = Infinity;
    for (const e of sorted) { if (e.end <= limit) { out.push(e); limit = e.start; } }
    return out;
  }

  PS.editing = { replace, planEdits, expected };
  if (typeof module === 'object' && module.exports) module.exports = PS.editing;
})(typeof globalThis !== 'undefined' ? globalThis : self);
