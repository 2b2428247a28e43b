/*
 * Postscrub UI in the page: one host element <div id="postscrub-ui"> with an open shadow root (contracts §6).
 * It holds a badge per composer, the finding card, the pre-post dialog, the mirror overlays that underline text in
 * <textarea>s, and a polite live region. No page DOM other than the host is touched.
 *
 *   const ui = PS.ui.create(document, {onAction(action, detail, event)})
 *   ui.setBadge(id, {el, count, level, visible})    ui.removeComposer(id)
 *   ui.openCard({composerId, finding, rect, focus})  ui.closeCard()   ui.card  (the open card's {composerId, finding})
 *   ui.showPrepost({count, onReview, onPostAnyway})  ui.closePrepost()
 *   ui.setMirror(id, textarea, text, findings, {place})   ui.mirrorRect(id, finding)   ui.mirrorHit(id, x, y)
 *   ui.announce(text)   ui.reposition()   ui.destroy()
 */
(function (root) {
  'use strict';
  const PS = root.PS = root.PS || {};
  if (PS.ui) return;

  const CSS_TEXT = `
:host { all: initial; }
* { box-sizing: border-box; }
.ps-layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483646;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --bg: #ffffff; --fg: #1b1f24; --muted: #4a5561; --border: #c9d1d9; --shadow: 0 6px 24px rgba(0,0,0,.18);
  --high: #b00017; --medium: #8a4500; --low: #1a56b0; --info: #4a5561; --none: #2a6b3a; --focus: #0b57d0;
  --btn: #f2f4f7; --btn-fg: #1b1f24; --primary: #0b57d0; --primary-fg: #ffffff; }
@media (prefers-color-scheme: dark) {
  .ps-layer { --bg: #1e2227; --fg: #e8eaed; --muted: #b3bcc6; --border: #4a525c; --shadow: 0 6px 24px rgba(0,0,0,.6);
    --high: #ff8a96; --medium: #ffb45c; --low: #8ab8ff; --info: #b3bcc6; --none: #7fd492; --focus: #8ab4f8;
    --btn: #2d333b; --btn-fg: #e8eaed; --primary: #8ab4f8; --primary-fg: #0b1a33; }
}
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid var(--border); background: var(--btn);
  color: var(--btn-fg); padding: 4px 10px; }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
button.primary { background: var(--primary); color: var(--primary-fg); border-color: var(--primary); }
.ps-badge { position: fixed; min-width: 26px; height: 22px; padding: 0 7px; border-radius: 11px; font-weight: 600;
  font-size: 12px; line-height: 20px; text-align: center; border: 1px solid var(--border); background: var(--bg);
  color: var(--none); box-shadow: var(--shadow); pointer-events: auto; }
.ps-badge[data-level="high"] { color: #fff; background: #b00017; border-color: #b00017; }
.ps-badge[data-level="medium"] { color: #1b1f24; background: #ffb45c; border-color: #b36200; }
.ps-badge[data-level="low"] { color: var(--low); }
.ps-badge[hidden], .ps-card[hidden], .ps-prepost[hidden] { display: none; }
.ps-card { position: fixed; width: 340px; max-width: calc(100vw - 16px); background: var(--bg); color: var(--fg);
  border: 1px solid var(--border); border-radius: 10px; box-shadow: var(--shadow); padding: 12px; pointer-events: auto; }
.ps-card h2 { font-size: 14px; margin: 0 0 6px; }
.ps-sev { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin-bottom: 4px; }
.ps-sev[data-severity="high"] { color: var(--high); } .ps-sev[data-severity="medium"] { color: var(--medium); }
.ps-sev[data-severity="low"] { color: var(--low); } .ps-sev[data-severity="info"] { color: var(--info); }
.ps-card p { margin: 0 0 6px; }
.ps-card .ps-pack { color: var(--muted); font-size: 12px; }
.ps-card .ps-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.ps-card .ps-error { color: var(--high); font-size: 12px; }
.ps-prepost-wrap { position: fixed; inset: 0; width: 100vw; height: 100vh; background: rgba(0,0,0,.35); pointer-events: auto;
  display: flex; align-items: center; justify-content: center; }
.ps-prepost { background: var(--bg); color: var(--fg); border-radius: 12px; box-shadow: var(--shadow); padding: 18px;
  width: 380px; max-width: calc(100vw - 24px); border: 1px solid var(--border); }
.ps-prepost h2 { margin: 0 0 8px; font-size: 16px; color: var(--high); }
.ps-prepost .ps-actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }
.ps-mirror { position: fixed; overflow: hidden; color: transparent !important; pointer-events: none; background: transparent !important;
  border-color: transparent !important; white-space: pre-wrap; overflow-wrap: break-word; }
::highlight(postscrub-high)   { text-decoration: underline wavy #c4001a; text-decoration-thickness: 2px; background-color: rgba(196, 0, 26, 0.12); }
::highlight(postscrub-medium) { text-decoration: underline wavy #b35900; text-decoration-thickness: 2px; background-color: rgba(230, 120, 0, 0.12); }
::highlight(postscrub-low)    { text-decoration: underline wavy #1f5fbf; text-decoration-thickness: 1.5px; }
::highlight(postscrub-info)   { text-decoration: underline dotted #5f6b7a; }
.ps-live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

  const MIRROR_PROPS = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing', 'lineHeight', 'textTransform',
    'wordSpacing', 'textIndent', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth',
    'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle', 'boxSizing', 'tabSize', 'direction', 'textAlign'];

  function create(doc, { onAction }) {
    const old = doc.getElementById('postscrub-ui');
    if (old) old.remove();
    const host = doc.createElement('div');
    host.id = 'postscrub-ui';
    host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483646;';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CSS_TEXT;
    const layer = doc.createElement('div');
    layer.className = 'ps-layer';
    const live = doc.createElement('div');
    live.className = 'ps-live';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    layer.append(live);
    shadow.append(style, layer);
    (doc.documentElement || doc.body).appendChild(host);

    const badges = new Map();   // composerId -> {btn, el, visible}
    const mirrors = new Map();  // composerId -> {div, el}
    const h = (tag, attrs = {}, text) => {
      const e = doc.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      return e;
    };
    // Buttons in our UI keep the editor focused when clicked with a mouse (the editor's selection matters).
    const keepFocus = (b) => b.addEventListener('mousedown', (e) => e.preventDefault());

    // ---- badge ----------------------------------------------------------------------------------------------
    function setBadge(id, { el, count, level, visible }) {
      let b = badges.get(id);
      if (!b) {
        const btn = h('button', { class: 'ps-badge', type: 'button', 'data-composer': String(id) });
        keepFocus(btn);
        btn.addEventListener('click', (e) => onAction('badge', { composerId: id }, e));
        layer.append(btn);
        b = { btn, el };
        badges.set(id, b);
      }
      b.el = el;
      b.btn.textContent = String(count);
      b.btn.dataset.level = level;
      const label = count === 0 ? 'Postscrub: no risky text found' : `Postscrub: ${count} risky item${count === 1 ? '' : 's'}, overall risk ${level}. Open the first.`;
      b.btn.setAttribute('aria-label', label);
      b.btn.title = label;
      b.btn.hidden = !visible;
      placeBadge(b);
    }
    function placeBadge(b) {
      if (b.btn.hidden || !b.el.isConnected) return;
      const r = b.el.getBoundingClientRect();
      const w = b.btn.offsetWidth || 28;
      b.btn.style.left = `${Math.max(0, Math.round(r.right - w - 6))}px`;
      b.btn.style.top = `${Math.max(0, Math.round(r.bottom - 28))}px`;
    }

    // ---- card -----------------------------------------------------------------------------------------------
    const card = h('div', { class: 'ps-card', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'ps-card-title', 'aria-describedby': 'ps-card-why' });
    card.hidden = true;
    const sev = h('div', { class: 'ps-sev' });
    const title = h('h2', { id: 'ps-card-title', 'data-field': 'title' });
    const why = h('p', { id: 'ps-card-why', 'data-field': 'why' });
    const pack = h('p', { class: 'ps-pack', 'data-field': 'pack' });
    const err = h('p', { class: 'ps-error', role: 'alert' });
    const actions = h('div', { class: 'ps-actions' });
    const btnRedact = h('button', { type: 'button', class: 'primary', 'data-action': 'redact' });
    const btnIgnore = h('button', { type: 'button', 'data-action': 'ignore' }, 'Ignore once');
    const btnAllow = h('button', { type: 'button', 'data-action': 'allow' }, 'Always allow this term');
    const btnAll = h('button', { type: 'button', 'data-action': 'redact-all-high' }, 'Redact all high-risk');
    const btnClose = h('button', { type: 'button', 'data-action': 'close', 'aria-label': 'Close' }, '×');
    btnClose.style.cssText = 'position:absolute; top:6px; right:6px; padding:0 7px;';
    actions.append(btnRedact, btnIgnore, btnAllow, btnAll);
    card.append(btnClose, sev, title, why, pack, err, actions);
    layer.append(card);
    let cardState = null;
    for (const b of [btnRedact, btnIgnore, btnAllow, btnAll, btnClose]) {
      keepFocus(b);
      b.addEventListener('click', (e) => {
        if (!cardState) return;
        const action = b.dataset.action;
        if (action === 'close') { closeCard(true); return; }
        onAction(action, { ...cardState }, e);
      });
    }
    card.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.stopPropagation(); closeCard(true); }
    });
    card.addEventListener('mouseenter', () => { if (cardState) cardState.hovering = true; });
    card.addEventListener('mouseleave', () => { if (cardState) { cardState.hovering = false; onAction('card-leave', { ...cardState }); } });

    function openCard({ composerId, finding, rect, avoid = [], focus = false, via = 'click', highCount = 0 }) {
      cardState = { composerId, finding, via, hovering: false };
      sev.dataset.severity = finding.severity;
      sev.textContent = `${finding.severity} risk`;
      title.textContent = PS.protocol.findingTitle(finding);
      why.textContent = [finding.description, finding.advice].filter(Boolean).join(' ');
      pack.textContent = `From pack: ${finding.packName || finding.pack || 'unknown'}${finding.rule ? ` (rule ${finding.rule})` : ''}`;
      const rep = finding.redaction && typeof finding.redaction.replacement === 'string' ? finding.redaction.replacement : '[REDACTED]';
      btnRedact.textContent = rep === '' ? 'Redact: remove it' : `Redact → ${rep}`;
      btnRedact.setAttribute('aria-label', rep === '' ? 'Redact: remove this text' : `Redact: replace with ${rep}`);
      btnAll.hidden = highCount < 1;
      btnAll.textContent = `Redact all high-risk (${highCount})`;
      err.textContent = '';
      card.hidden = false;
      placeCard(rect, avoid);
      if (focus) btnRedact.focus();
      return cardState;
    }
    /**
     * Puts the card by `rect` (the finding): below it, else above, else beside it, never over the `avoid` rects
     * (the site's Post button: the card must not hide it) when any position allows.
     */
    function placeCard(rect, avoid = []) {
      if (!rect) return;
      const vw = doc.documentElement.clientWidth || 800, vh = doc.documentElement.clientHeight || 600;
      const w = card.offsetWidth || 340, hgt = card.offsetHeight || 180;
      const clampX = (x) => Math.min(Math.max(8, x), Math.max(8, vw - w - 8));
      const clampY = (y) => Math.min(Math.max(8, y), Math.max(8, vh - hgt - 8));
      const spots = [
        { left: clampX(rect.left), top: rect.bottom + 6 },
        { left: clampX(rect.left), top: rect.top - hgt - 6 },
        { left: rect.right + 8, top: clampY(rect.top) },
        { left: rect.left - w - 8, top: clampY(rect.top) },
        // Next to what it must not cover: below or above the Post button, or beside it.
        ...avoid.flatMap((a) => [{ left: clampX(rect.left), top: a.bottom + 6 }, { left: clampX(rect.left), top: a.top - hgt - 6 },
          { left: a.right + 8, top: clampY(rect.top) }, { left: a.left - w - 8, top: clampY(rect.top) }]),
        { left: clampX(rect.left), top: 8 },
      ];
      const fits = (p) => p.left >= 8 && p.top >= 8 && p.left + w <= vw - 8 && p.top + hgt <= vh - 8;
      const area = (p, a) => Math.max(0, Math.min(p.left + w, a.right) - Math.max(p.left, a.left)) *
        Math.max(0, Math.min(p.top + hgt, a.bottom) - Math.max(p.top, a.top));
      // Covering the Post button is worse than covering the finding itself.
      const overlap = (p) => avoid.reduce((n, a) => n + 4 * area(p, a), 0) + area(p, rect);
      const best = spots.find((p) => fits(p) && overlap(p) === 0) ||
        spots.filter(fits).sort((a, b) => overlap(a) - overlap(b))[0] || { left: clampX(rect.left), top: clampY(rect.bottom + 6) };
      card.style.left = `${Math.round(best.left)}px`;
      card.style.top = `${Math.round(best.top)}px`;
    }
    function closeCard(returnFocus = false) {
      const st = cardState;
      cardState = null;
      card.hidden = true;
      if (st && returnFocus) onAction('card-closed', st);
    }
    function cardError(text) { err.textContent = text; }

    // ---- pre-post dialog ---------------------------------------------------------------------------------------
    let prepost = null;
    function showPrepost({ count, onReview, onPostAnyway }) {
      closePrepost();
      const wrap = h('div', { class: 'ps-prepost-wrap' });
      const dlg = h('div', { class: 'ps-prepost', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'ps-pp-title', 'aria-describedby': 'ps-pp-desc' });
      const t = h('h2', { id: 'ps-pp-title' }, `${count} high-risk item${count === 1 ? '' : 's'}`);
      const d = h('p', { id: 'ps-pp-desc' }, 'This post may identify a patient. Review the underlined text before posting, or post it anyway.');
      const review = h('button', { type: 'button', class: 'primary', 'data-action': 'review' }, 'Review');
      const anyway = h('button', { type: 'button', 'data-action': 'post-anyway' }, 'Post anyway');
      const row = h('div', { class: 'ps-actions' });
      row.append(anyway, review);
      dlg.append(t, d, row);
      wrap.append(dlg);
      layer.append(wrap);
      const done = (fn) => (e) => { e.preventDefault(); e.stopPropagation(); closePrepost(); fn(e); };
      review.addEventListener('click', done(onReview));
      anyway.addEventListener('click', done(onPostAnyway));
      dlg.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') { e.stopPropagation(); closePrepost(); onReview(e); }
        if (e.key === 'Tab') {    // keep focus inside the modal dialog
          const items = [anyway, review];
          const i = items.indexOf(shadow.activeElement);
          e.preventDefault();
          items[(i + (e.shiftKey ? items.length - 1 : 1)) % items.length].focus();
        }
      });
      prepost = wrap;
      review.focus();
    }
    function closePrepost() { if (prepost) { prepost.remove(); prepost = null; } }

    // ---- textarea mirror ------------------------------------------------------------------------------------------
    /**
     * Underlines for a <textarea>/<input>: a mirror of the control's text laid exactly over it (pointer-events:
     * none). The text is cut at every finding's start and end, so findings that overlap (a statement around the
     * name it mentions) are each drawn. Returns [{finding, first, last}]: the mirror text nodes where each finding
     * starts and ends, for the highlight registry.
     */
    function setMirror(id, el, text, findings, { place = true } = {}) {
      let m = mirrors.get(id);
      if (!findings.length) { if (m) { m.div.remove(); mirrors.delete(id); } return []; }
      if (!m) {
        const div = h('div', { class: 'ps-mirror', 'aria-hidden': 'true' });
        layer.prepend(div);
        m = { div, el, text: null, key: '' };
        mirrors.set(id, m);
      }
      m.el = el;
      const key = text + '\u0000' + findings.map((f) => `${f.start}:${f.end}:${f.severity}`).join(',');
      if (m.key !== key) {
        m.key = key;
        const frag = doc.createDocumentFragment();
        const cuts = [...new Set([0, text.length, ...findings.flatMap((f) => [f.start, f.end])])]
          .filter((k) => k >= 0 && k <= text.length).sort((a, b) => a - b);
        const nodeAt = new Map();   // cut offset -> the text node that starts there
        for (let k = 0; k + 1 < cuts.length; k++) {
          const node = doc.createTextNode(text.slice(cuts[k], cuts[k + 1]));
          frag.append(node);
          nodeAt.set(cuts[k], node);
        }
        frag.append(doc.createTextNode('\u200b'));
        m.div.replaceChildren(frag);
        m.nodes = [];
        for (const f of findings) {
          if (!(f.end > f.start) || !nodeAt.has(f.start)) continue;
          const inside = cuts.filter((k) => k >= f.start && k < f.end);
          m.nodes.push({ finding: f, first: nodeAt.get(f.start), last: nodeAt.get(inside[inside.length - 1]) });
        }
      }
      if (place) placeMirror(m);
      return m.nodes;
    }
    function mirrorRange(hit) {
      const r = doc.createRange();
      r.setStart(hit.first, 0);
      r.setEnd(hit.last, hit.last.data.length);
      return r;
    }
    /** Where finding `f` is drawn in the mirror of composer `id` (viewport rect), or null. */
    function mirrorRect(id, f) {
      const m = mirrors.get(id);
      const hit = m && m.nodes.find((x) => x.finding.start === f.start && x.finding.end === f.end);
      if (!hit) return null;
      const r = mirrorRange(hit);
      const rects = [...r.getClientRects()].filter((x) => x.width > 0);
      return rects[0] || r.getBoundingClientRect();
    }
    /** The finding drawn under the viewport point (x, y) in the mirror of composer `id` (the shortest, where
     *  findings overlap: the name inside a statement), or null. */
    function mirrorHit(id, x, y) {
      const m = mirrors.get(id);
      if (!m) return null;
      let best = null;
      for (const hit of m.nodes) {
        const f = hit.finding;
        if (best && f.end - f.start >= best.end - best.start) continue;
        for (const b of mirrorRange(hit).getClientRects()) {
          if (x >= b.left - 2 && x <= b.right + 2 && y >= b.top - 2 && y <= b.bottom + 2) { best = f; break; }
        }
      }
      return best;
    }
    function placeMirror(m) {
      if (!m.el.isConnected) return;
      const cs = root.getComputedStyle(m.el);
      const r = m.el.getBoundingClientRect();
      for (const p of MIRROR_PROPS) m.div.style[p] = cs[p];
      m.div.style.left = `${r.left}px`;
      m.div.style.top = `${r.top}px`;
      m.div.style.width = `${r.width}px`;
      m.div.style.height = `${r.height}px`;
      m.div.style.whiteSpace = m.el.tagName === 'INPUT' ? 'pre' : 'pre-wrap';
      m.div.scrollTop = m.el.scrollTop;
      m.div.scrollLeft = m.el.scrollLeft;
    }

    function removeComposer(id) {
      const b = badges.get(id);
      if (b) { b.btn.remove(); badges.delete(id); }
      const m = mirrors.get(id);
      if (m) { m.div.remove(); mirrors.delete(id); }
      if (cardState && cardState.composerId === id) closeCard();
    }
    function reposition() {
      for (const b of badges.values()) placeBadge(b);
      for (const m of mirrors.values()) placeMirror(m);
    }
    function announce(text) { live.textContent = ''; setTimeout(() => { live.textContent = text; }, 30); }
    function destroy() { closePrepost(); host.remove(); badges.clear(); mirrors.clear(); cardState = null; }
    const owns = (node) => node === host;

    return {
      host, shadow, setBadge, removeComposer, openCard, closeCard, placeCard, cardError, showPrepost, closePrepost,
      setMirror, mirrorRect, mirrorHit, reposition, announce, destroy, owns,
      get card() { return cardState; },
      get prepostOpen() { return !!prepost; },
      cardElement: card,
    };
  }

  PS.ui = { create };
  if (typeof module === 'object' && module.exports) module.exports = PS.ui;
})(typeof globalThis !== 'undefined' ? globalThis : self);
