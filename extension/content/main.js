/*
 * Postscrub content script, main part: finds composers, asks the background to check their text, draws the
 * highlights, opens cards, applies redactions and runs the pre-post check.
 * Loaded after platform.js, protocol.js, settings.js, textmap.js, messaging.js, adapters.js, editing.js, ui.js.
 * Safe to inject twice (the second run only rescans). The page is untrusted: nothing is read from its JS world,
 * and clicks it fakes on our UI cannot change settings (the "allow" action needs a trusted event).
 */
(function (root) {
  'use strict';
  const PS = root.PS;
  if (!PS || !PS.platform || !PS.platform.available || root.top !== root.self) return;
  if (PS.main) { PS.main.rescan(); return; }

  const doc = root.document;
  const SEV = ['high', 'medium', 'low', 'info'];
  const hasHighlights = typeof root.CSS !== 'undefined' && root.CSS.highlights && typeof root.Highlight === 'function';
  let state = { enabled: false, threshold: 'low', prepost: true, userSite: false };
  let adapter = PS.adapters.forHost(root.location.hostname);
  let ui = null;
  let running = false;
  const composers = new Map();         // element -> controller
  const byId = new Map();              // id -> controller
  const pending = new Map();           // request id -> resolve (redact replies)
  const allowedHere = new Set();       // terms allowed during this page's life (until the engine reloads)
  let nextComposer = 1, nextRequest = 1;
  let rafPending = false, scanTimer = null, statsTimer = null, observer = null;
  let hover = { timer: null, closeTimer: null, key: null };
  let bypass = null;                   // {target, until}: the one re-dispatched event that may pass the pre-post check
  let busy = false;

  // Timing probes for bench/browser (its instrumented copy defines PS.trace); a no-op in the shipped extension.
  const trace = typeof PS.trace === 'function' ? PS.trace : null;

  const ch = PS.messaging.channel(() => PS.platform.connect('postscrub'), onMessage, onDisconnect);

  // ---- messages ---------------------------------------------------------------------------------------------
  function onMessage(m) {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'state') {
      state = { enabled: !!m.enabled, threshold: m.threshold || 'low', prepost: m.prepost !== false, userSite: !!m.userSite };
      adapter = PS.adapters.forHost(root.location.hostname, { userSite: state.userSite });
      if (m.reloaded) allowedHere.clear();
      if (state.enabled) start(); else stop();
      if (state.enabled && m.recheck) for (const c of byId.values()) c.scheduler.run(true);
      return;
    }
    if (!PS.protocol.validateResult(m)) return;
    if (m.type === 'result') {
      const c = byId.get(m.composer);
      if (trace) trace('result', m.version);
      if (!c || !c.scheduler.accept(m)) return;        // stale: a newer version was sent
      c.allFindings = m.findings;
      c.engineRisk = m.risk;
      applyFilter(c);
      if (c.waiters.length) { const w = c.waiters; c.waiters = []; for (const f of w) f(); }
      // Draw now, in this task, when the result is for the text on screen: waiting for the next frame would
      // leave the old ranges (which no longer cover the right characters) up for one more frame. Badge and
      // mirror placement read layout, so they wait for the frame.
      if (updateRanges(c)) { paintHighlights(); if (trace) trace('painted', m.version); }
      scheduleRender();
      scheduleStats();
      refreshCard(c);
    } else if (m.type === 'edits') {
      const r = pending.get(m.id);
      if (r) { pending.delete(m.id); r(m); }
    }
  }
  function onDisconnect() {
    // The service worker went away: results in flight are lost. Re-send what is not answered yet.
    setTimeout(() => {
      if (!running) return;
      for (const c of byId.values()) if (!c.scheduler.result || c.scheduler.result.version !== c.scheduler.version) c.scheduler.run(true);
    }, 50);
  }
  function post(msg) {
    if (!ch.post(msg)) stop(true);      // extension reloaded/removed: this script is an orphan
  }
  function request(msg, timeout = 3000) {
    const id = nextRequest++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      post({ ...msg, id });
      setTimeout(() => { if (pending.has(id)) { pending.delete(id); resolve(null); } }, timeout);
    });
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------------
  function start() {
    if (running) { rescan(); return; }
    running = true;
    ui = PS.ui.create(doc, { onAction });
    observer = new MutationObserver(() => scheduleScan());
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
    doc.addEventListener('focusin', onFocusIn, true);
    doc.addEventListener('focusout', onFocusOut, true);
    root.addEventListener('click', onClickCapture, true);
    root.addEventListener('keydown', onKeyCapture, true);
    root.addEventListener('scroll', onScroll, true);
    root.addEventListener('resize', onScroll);
    rescan();
  }
  function stop(orphan = false) {
    if (orphan) { try { ch.close(); } catch { /* gone */ } }
    if (!running) return;
    running = false;
    if (observer) observer.disconnect();
    doc.removeEventListener('focusin', onFocusIn, true);
    doc.removeEventListener('focusout', onFocusOut, true);
    root.removeEventListener('click', onClickCapture, true);
    root.removeEventListener('keydown', onKeyCapture, true);
    root.removeEventListener('scroll', onScroll, true);
    root.removeEventListener('resize', onScroll);
    for (const c of [...byId.values()]) detach(c);
    if (warmTimer !== null) { clearInterval(warmTimer); warmTimer = null; }
    if (hasHighlights) for (const s of SEV) root.CSS.highlights.delete(`postscrub-${s}`);
    if (ui) { ui.destroy(); ui = null; }
  }

  function scheduleScan() {
    if (scanTimer !== null) return;
    scanTimer = setTimeout(() => { scanTimer = null; rescan(); }, 200);
  }
  function rescan() {
    if (!running) return;
    const found = PS.adapters.findComposers(doc, adapter);
    const live = new Set(found.map((f) => f.el));
    for (const c of [...byId.values()]) if (!c.el.isConnected || !live.has(c.el)) detach(c);
    for (const f of found) if (!composers.has(f.el)) attach(f.el, f.kind);
  }

  function attach(el, kind) {
    const id = nextComposer++;
    const c = { id, el, kind, map: null, allFindings: [], findings: [], risk: { level: 'none', score: 0 }, engineRisk: null,
      ignored: new Set(), ranges: {}, waiters: [], listeners: [] };
    c.extract = () => {
      c.map = kind === 'field' ? PS.textmap.extractField(el) : PS.textmap.extract(el);
      c.mapStale = false;
      return c.map;
    };
    c.scheduler = new PS.messaging.CheckScheduler({
      extract: () => (el.isConnected ? currentMap(c).text : null),
      send: (text, version) => { if (trace) trace('sent', version); post({ type: 'check', id: nextRequest++, composer: id, version, text }); },
    });
    const on = (target, type, fn, opts) => { target.addEventListener(type, fn, opts); c.listeners.push([target, type, fn, opts]); };
    const changed = () => { if (trace) trace('change', 0); c.mapStale = true; c.scheduler.notify(); };
    if (kind === 'rich') {
      // Every edit of a rich composer mutates its DOM (Lexical often fires no `input`): the observer alone
      // tells us, and keeps the cached text map honest (currentMap).
      c.mo = new MutationObserver(changed);
      c.mo.observe(el, { childList: true, subtree: true, characterData: true });
      on(el, 'mousemove', (e) => onHover(c, e));
      on(el, 'mouseleave', () => onHoverLeave());
    } else {
      on(el, 'input', changed);
      on(el, 'scroll', () => scheduleRender());
      on(el, 'mousemove', (e) => onHover(c, e));
      on(el, 'mouseleave', () => onHoverLeave());
    }
    on(el, 'click', (e) => onComposerClick(c, e));
    composers.set(el, c);
    byId.set(id, c);
    const text = c.extract().text;
    if (text) c.scheduler.notify();
    scheduleRender();
  }
  function detach(c) {
    c.scheduler.cancel();
    if (c.mo) c.mo.disconnect();
    for (const [t, type, fn, opts] of c.listeners) t.removeEventListener(type, fn, opts);
    composers.delete(c.el);
    byId.delete(c.id);
    if (ui) ui.removeComposer(c.id);
    scheduleRender();
    scheduleStats();
  }

  // ---- findings and drawing -------------------------------------------------------------------------------------
  function applyFilter(c) {
    const r = PS.settings.filterFindings(c.allFindings, c.engineRisk, { threshold: 'info', allowlist: [...allowedHere], ignored: c.ignored });
    c.findings = r.findings.sort((a, b) => a.start - b.start);
    c.risk = r.risk;
  }
  const highs = (c) => c.findings.filter((f) => f.severity === 'high');

  function scheduleRender() {
    if (rafPending || !running) return;
    rafPending = true;
    root.requestAnimationFrame(render);
  }
  /** One frame redraws every composer's highlights and badges. */
  function render() {
    rafPending = false;
    if (!running) return;
    const active = doc.activeElement;
    for (const c of [...byId.values()]) {
      if (!c.el.isConnected) { detach(c); continue; }
      const focused = active === c.el || c.el.contains(active);
      ui.setBadge(c.id, { el: c.el, count: c.findings.length, level: c.risk.level, visible: c.findings.length > 0 || focused });
      updateRanges(c);
    }
    ui.reposition();
    paintHighlights();
  }

  /**
   * The text map of the composer as it is now, re-extracted only if the DOM changed since the last extraction
   * (pending observer records are taken here, so an edit not yet reported cannot slip through).
   */
  function currentMap(c) {
    if (c.kind === 'field') return c.extract();
    if (c.mo) { const recs = c.mo.takeRecords(); if (recs.length) { c.mapStale = true; c.scheduler.notify(); } }
    return !c.map || c.mapStale ? c.extract() : c.map;
  }

  /** Rebuilds the composer's ranges if its newest result is for the text on screen. Returns true if it did. */
  function updateRanges(c) {
    const s = c.scheduler;
    if (!ui || !c.el.isConnected || s.resultText === null) return false;
    if (c.kind === 'field') {
      // The control's own text cannot take highlights: they go on the mirror laid over it (placed in the frame).
      const same = c.el.value === s.resultText;
      const nodes = ui.setMirror(c.id, c.el, s.resultText, same ? c.findings : [], { place: false });
      c.ranges = { high: [], medium: [], low: [], info: [] };
      for (const { finding, first, last } of nodes) {
        (c.ranges[finding.severity] || c.ranges.info).push(new StaticRange({ startContainer: first, startOffset: 0, endContainer: last, endOffset: last.data.length }));
      }
      return true;
    }
    const map = currentMap(c);
    if (map.text !== s.resultText) return false;   // changed since the check: keep the old ranges until the next result
    c.ranges = { high: [], medium: [], low: [], info: [] };
    for (const f of c.findings) {
      const r = map.range(f.start, f.end);
      try { (c.ranges[f.severity] || c.ranges.info).push(new StaticRange(r)); } catch { /* node gone */ }
    }
    return true;
  }

  /** Puts every composer's ranges into the page's highlight registry. */
  function paintHighlights() {
    if (!running) return;
    const bySev = { high: [], medium: [], low: [], info: [] };
    for (const c of byId.values()) for (const s of SEV) if (c.ranges[s]) bySev[s].push(...c.ranges[s]);
    if (hasHighlights) {
      for (const s of SEV) {
        const name = `postscrub-${s}`;
        if (bySev[s].length) {
          const hl = new root.Highlight(...bySev[s]);
          hl.priority = SEV.length - SEV.indexOf(s);
          root.CSS.highlights.set(name, hl);
        } else root.CSS.highlights.delete(name);
      }
    }
  }

  function scheduleStats() {
    if (statsTimer !== null) return;
    statsTimer = setTimeout(() => {
      statsTimer = null;
      let count = 0, high = 0, level = 'none';
      for (const c of byId.values()) {
        count += c.findings.length; high += highs(c).length;
        if (PS.protocol.levelRank(c.risk.level) > PS.protocol.levelRank(level)) level = c.risk.level;
      }
      post({ type: 'stats', composers: byId.size, count, high, level });
    }, 300);
  }

  // ---- cards ---------------------------------------------------------------------------------------------------
  function caretOffset(c) {
    if (c.kind === 'field') return c.el.selectionStart === c.el.selectionEnd ? c.el.selectionStart : -1;
    const sel = doc.getSelection();
    if (!sel || !sel.rangeCount || !sel.isCollapsed) return -1;
    return currentMap(c).offsetOf(sel.focusNode, sel.focusOffset);
  }
  function findingAt(c, o) {
    if (o < 0) return null;
    return c.findings.find((f) => f.start <= o && o < f.end) || c.findings.find((f) => f.start < o && o <= f.end) || null;
  }
  function findingRect(c, f) {
    if (c.kind === 'field') return (ui && ui.mirrorRect(c.id, f)) || c.el.getBoundingClientRect();
    const map = currentMap(c);
    if (map.text !== c.scheduler.resultText) return c.el.getBoundingClientRect();
    const r = map.range(f.start, f.end);
    const range = doc.createRange();
    try { range.setStart(r.startContainer, r.startOffset); range.setEnd(r.endContainer, r.endOffset); } catch { return c.el.getBoundingClientRect(); }
    const rects = range.getClientRects();
    return rects.length ? rects[0] : range.getBoundingClientRect();
  }
  /** What a card must not cover: the Post button of this composer. */
  function avoidRects(c) {
    const b = postButtonFor(c);
    return b ? [b.getBoundingClientRect()] : [];
  }
  function openCard(c, f, via, focus) {
    if (!ui) return;
    clearTimeout(hover.closeTimer);
    ui.openCard({ composerId: c.id, finding: f, rect: findingRect(c, f), avoid: avoidRects(c), focus, via, highCount: highs(c).length });
  }
  function refreshCard(c) {
    const st = ui && ui.card;
    if (!st || st.composerId !== c.id) return;
    const f = c.findings.find((x) => x.rule === st.finding.rule && x.text === st.finding.text);
    if (!f) ui.closeCard(); else if (st.via !== 'keyboard') ui.placeCard(findingRect(c, f), avoidRects(c));
  }
  function onComposerClick(c, e) {
    if (!e.isTrusted && e.detail === 0) return;
    setTimeout(() => {                 // after the editor moved the caret
      const f = findingAt(c, caretOffset(c));
      if (f) openCard(c, f, 'click', false); else if (ui && ui.card && ui.card.composerId === c.id) ui.closeCard();
    }, 0);
  }
  function pointOffset(c, x, y) {
    let node = null, offset = 0;
    if (doc.caretPositionFromPoint) { const p = doc.caretPositionFromPoint(x, y); if (p) { node = p.offsetNode; offset = p.offset; } }
    else if (doc.caretRangeFromPoint) { const r = doc.caretRangeFromPoint(x, y); if (r) { node = r.startContainer; offset = r.startOffset; } }
    if (!node || !c.el.contains(node)) return -1;
    return currentMap(c).offsetOf(node, offset);
  }
  function onHover(c, e) {
    if (!c.findings.length || (ui.card && ui.card.via !== 'hover')) return;
    // In a <textarea> the mirror knows where each finding is drawn; in a rich composer the caret position does.
    const f = c.kind === 'field' ? ui.mirrorHit(c.id, e.clientX, e.clientY) : findingAt(c, pointOffset(c, e.clientX, e.clientY));
    let inside = false;
    if (f) { const r = findingRect(c, f); inside = e.clientX >= r.left - 2 && e.clientX <= r.right + 2 && e.clientY >= r.top - 2 && e.clientY <= r.bottom + 2; }
    const key = inside ? `${c.id}:${f.start}:${f.end}` : null;
    if (key === hover.key) return;
    hover.key = key;
    clearTimeout(hover.timer);
    if (key) {
      clearTimeout(hover.closeTimer);
      hover.timer = setTimeout(() => openCard(c, f, 'hover', false), 250);
    } else onHoverLeave();
  }
  function onHoverLeave() {
    clearTimeout(hover.timer);
    hover.key = null;
    clearTimeout(hover.closeTimer);
    hover.closeTimer = setTimeout(() => { const st = ui && ui.card; if (st && st.via === 'hover' && !st.hovering) ui.closeCard(); }, 400);
  }

  function controllerFor(node) {
    for (const c of byId.values()) if (c.el === node || (c.kind === 'rich' && c.el.contains(node))) return c;
    return null;
  }

  // ---- actions from the UI --------------------------------------------------------------------------------------
  function onAction(action, d, e) {
    const c = d && byId.get(d.composerId);
    if (action === 'card-leave') { onHoverLeave(); return; }
    if (!c) return;
    if (action === 'card-closed') { c.el.focus({ preventScroll: true }); return; }
    if (action === 'badge') {
      if (!c.findings.length) { ui.announce('Postscrub found nothing risky in this post.'); return; }
      openCard(c, c.findings.find((f) => f.severity === 'high') || c.findings[0], e && e.detail === 0 ? 'keyboard' : 'click', !!(e && e.detail === 0));
      return;
    }
    const f = d.finding;
    if (action === 'redact') redact(c, [f]);
    else if (action === 'redact-all-high') redact(c, highs(c));
    else if (action === 'ignore') {
      c.ignored.add(PS.settings.ignoreKey(f));
      applyFilter(c); ui.closeCard(); scheduleRender(); scheduleStats();
      c.el.focus({ preventScroll: true });
      ui.announce('Ignored once.');
    } else if (action === 'allow') {
      if (!e || !e.isTrusted) return;            // a page script cannot add to the user's allowlist
      allowedHere.add(f.text);
      post({ type: 'allow', term: f.text });
      for (const x of byId.values()) applyFilter(x);
      ui.closeCard(); scheduleRender(); scheduleStats();
      c.el.focus({ preventScroll: true });
      ui.announce(`"${f.text}" will always be allowed.`);
    }
  }

  async function redact(c, findings) {
    if (busy || !findings.length) return;
    busy = true;
    try {
      const map = c.extract();
      const s = c.scheduler;
      if (!s.result || s.result.version !== s.version || map.text !== s.text) {
        ui.cardError('The post changed since it was checked. Checking again…');
        s.run();
        return;
      }
      const version = s.version;
      const reply = await request({ type: 'redact', composer: c.id, version, text: map.text,
        spans: findings.map((f) => ({ start: f.start, end: f.end, rule: f.rule || '' })) });
      let edits;
      if (reply && Array.isArray(reply.edits) && reply.version === version) edits = reply.edits;
      else edits = findings.map((f) => ({ start: f.start, end: f.end,
        replacement: f.redaction && typeof f.redaction.replacement === 'string' ? f.redaction.replacement : `[${String(f.category || 'redacted').toUpperCase()}]` }));
      if (c.extract().text !== map.text || s.version !== version) {
        ui.cardError('The post changed since it was checked. Checking again…');
        s.run();
        return;
      }
      ui.closeCard();
      let done = 0;
      for (const ed of PS.editing.planEdits(edits)) {
        const r = await PS.editing.replace(c, ed.start, ed.end, String(ed.replacement));
        if (!r.ok) { ui.announce(`Postscrub could not redact: ${r.error}. Checking again.`); break; }
        done++;
      }
      if (done) ui.announce(`Redacted ${done} item${done === 1 ? '' : 's'}. Undo with Ctrl+Z.`);
      s.run();
    } finally {
      busy = false;
    }
  }

  // ---- pre-post check ------------------------------------------------------------------------------------------
  function waitFresh(c, ms = 800) {
    return new Promise((resolve) => {
      c.scheduler.run();
      if (c.scheduler.result && c.scheduler.result.version === c.scheduler.version) { resolve(true); return; }
      const t = setTimeout(() => resolve(false), ms);
      c.waiters.push(() => { clearTimeout(t); resolve(true); });
    });
  }
  function guard(e, targets, replay) {
    if (!targets.length) return false;
    const stale = targets.filter((c) => !c.scheduler.fresh());
    const blocking = targets.filter((c) => highs(c).length > 0);
    if (!blocking.length && !stale.length) return false;
    e.preventDefault();
    e.stopImmediatePropagation();
    const decide = () => {
      const hs = targets.filter((c) => highs(c).length > 0);
      const count = hs.reduce((n, c) => n + highs(c).length, 0);
      if (!count) { replay(); return; }
      ui.showPrepost({
        count,
        onReview: () => review(hs[0]),
        onPostAnyway: () => replay(),
      });
    };
    if (stale.length) Promise.all(stale.map((c) => waitFresh(c))).then(decide); else decide();
    return true;
  }
  /** Back to the composer with the caret at the first high-risk item and its card open (never over the Post button). */
  function review(c) {
    const f = highs(c)[0];
    c.el.focus({ preventScroll: false });
    if (!f) return;
    if (c.kind === 'field') c.el.setSelectionRange(f.start, f.start);
    else {
      const map = c.extract();
      const p = map.toDom(f.start, 'forward');
      try { doc.getSelection().collapse(p.node, p.offset); } catch { /* node gone */ }
    }
    openCard(c, f, 'review', false);
    ui.announce(`${highs(c).length} high-risk item${highs(c).length === 1 ? '' : 's'}: the first is "${f.text}". Its card is open; Alt+Shift+K moves into it.`);
  }
  function onClickCapture(e) {
    if (!running || !state.prepost || !ui) return;
    if (bypass && bypass.until > Date.now() && bypass.target && bypass.target.contains(e.target)) { bypass = null; return; }
    if (e.target === ui.host || ui.prepostOpen) return;
    const btn = PS.adapters.isPostButton(e.target, adapter);
    if (!btn) return;
    const targets = [...byId.values()].filter((c) => PS.adapters.pairs(btn, c.el) && c.el.isConnected);
    guard(e, targets, () => { bypass = { target: btn, until: Date.now() + 1000 }; btn.click(); });
  }
  function onKeyCapture(e) {
    if (!running || !ui) return;
    const c = controllerFor(e.target);
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyK' || e.key === 'K' || e.key === 'k')) {
      if (!c) return;
      e.preventDefault();
      e.stopPropagation();
      const o = caretOffset(c);
      const f = findingAt(c, o) || c.findings.find((x) => x.start >= o) || c.findings[0];
      if (f) openCard(c, f, 'keyboard', true); else ui.announce('Postscrub found nothing risky in this post.');
      return;
    }
    if (e.key === 'Escape' && ui.card && c && ui.card.composerId === c.id) { ui.closeCard(); return; }
    if (e.key !== 'Enter' || !state.prepost || !c || e.isComposing || e.keyCode === 229) return;   // 229: IME
    const chord = e.ctrlKey || e.metaKey;
    // Plain Enter posts in some composers (Facebook comments, chat boxes); there Shift+Enter is the new line.
    const plainSubmit = !chord && !e.shiftKey && !e.altKey && PS.adapters.enterSubmits(c.el, adapter);
    if (!chord && !plainSubmit) return;
    if (bypass && bypass.until > Date.now() && bypass.target === c.el) { bypass = null; return; }
    const btn = chord ? postButtonFor(c) : null;
    guard(e, [c], () => {
      if (btn) { bypass = { target: btn, until: Date.now() + 1000 }; btn.click(); return; }
      bypass = { target: c.el, until: Date.now() + 1000 };
      c.el.focus({ preventScroll: true });
      c.el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: e.ctrlKey,
        metaKey: e.metaKey, bubbles: true, cancelable: true, composed: true }));
    });
  }
  function postButtonFor(c) { return PS.adapters.postButtonFor(c.el, adapter); }

  function onFocusIn(e) {
    const t = e.target;
    if (t && (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'INPUT') && !controllerFor(t)) rescan();
    if (controllerFor(t)) keepWarm();
    scheduleRender();
  }
  function onFocusOut() { scheduleRender(); }

  /**
   * While a composer has focus: wake the background now (a stopped service worker starts and loads the engine
   * while the user is still placing the caret, not at the first keystroke), and send a ping every 20 s so Chrome
   * (≥ 114: messages on a port reset the idle timer) does not stop it between bursts of typing. Stops when focus
   * leaves the composers or the tab is hidden.
   */
  let warmTimer = null;
  function keepWarm() {
    post({ type: 'ping' });
    if (warmTimer !== null) return;
    warmTimer = setInterval(() => {
      const a = doc.activeElement;
      if (!running || doc.hidden || !a || !controllerFor(a)) { clearInterval(warmTimer); warmTimer = null; return; }
      post({ type: 'ping' });
    }, 20000);
  }
  function onScroll() {
    if (!ui) return;
    if (ui.card && ui.card.via === 'hover') ui.closeCard();
    root.requestAnimationFrame(() => { if (ui) { ui.reposition(); const st = ui.card; const c = st && byId.get(st.composerId); if (c) ui.placeCard(findingRect(c, st.finding), avoidRects(c)); } });
    scheduleRender();
  }

  PS.main = { rescan: () => { if (running) rescan(); else post({ type: 'hello' }); } };
  post({ type: 'hello' });
})(typeof globalThis !== 'undefined' ? globalThis : self);
