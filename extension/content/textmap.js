/*
 * Postscrub text map: the text of a rich-text composer as the user sees it, and the way back from a text offset
 * to a DOM position.
 *
 *   const map = PS.textmap.extract(editorRoot);
 *   map.text                      // "line one\nline two"; block elements and <br> become "\n"
 *   map.toDom(10, 'forward')      // {node, offset}: a text node and an offset in it (or an element + child index)
 *   map.range(start, end)         // {startContainer, startOffset, endContainer, endOffset}, for a (Static)Range
 *   map.offsetOf(node, offset)    // DOM position (e.g. the caret) -> text offset, or -1 if outside
 *
 * Rules (what Lexical, Draft.js, Quill and a plain contenteditable render): every block element starts a new line,
 * also an empty one (`<p><br></p>` is an empty line); a <br> is a line break unless it is the last thing in its
 * block (the placeholder browsers insert so that an empty block has a height); nested blocks (Draft.js wraps a
 * block in two divs) make one break, not several. Offsets are UTF-16 code units, like the engine's findings.
 * Only nodeType/nodeName/childNodes/data are used, so the map is tested in Node with tiny fake trees.
 */
(function (root) {
  'use strict';
  const PS = root.PS = root.PS || {};
  if (PS.textmap) return;

  const TEXT = 3, ELEMENT = 1;
  const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
    'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
    'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'UL']);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IMG', 'SVG', 'VIDEO', 'AUDIO', 'CANVAS', 'IFRAME', 'OBJECT']);

  const nameOf = (n) => String(n.nodeName || '').toUpperCase();
  const isBlock = (n) => n.nodeType === ELEMENT && BLOCKS.has(nameOf(n));

  /** True if nothing visible follows `node` inside its nearest block (so a <br> there is a placeholder). */
  function isLastInBlock(node, rootNode) {
    let n = node;
    while (n && n !== rootNode) {
      for (let s = n.nextSibling; s; s = s.nextSibling) {
        if (s.nodeType === TEXT && s.data.length) return false;
        if (s.nodeType === ELEMENT && !SKIP.has(nameOf(s))) {
          if (isBlock(s)) return true;      // the next block starts a new line anyway
          if (nameOf(s) === 'BR' || hasContent(s)) return false;
        }
      }
      n = n.parentNode;
      if (n && isBlock(n)) return true;
    }
    return true;
  }
  function hasContent(el) {
    for (const c of el.childNodes || []) {
      if (c.nodeType === TEXT && c.data.length) return true;
      if (c.nodeType === ELEMENT && (nameOf(c) === 'BR' || hasContent(c))) return true;
    }
    return false;
  }

  function extract(rootNode) {
    let text = '';
    const segs = [];           // {node, start, end, nodeStart}: text[start,end) is node.data[nodeStart, ...)
    const breaks = [];         // {at, node, index}: a "\n" at text offset `at`; DOM position (node, index) = where it is
    let lineUsed = false;      // the current line has content or belongs to a block already
    let started = false;

    const newline = (node, index) => { breaks.push({ at: text.length, node, index }); text += '\n'; lineUsed = false; };

    function walk(node) {
      if (node.nodeType === TEXT) {
        const d = node.data;
        if (!d.length) return;
        segs.push({ node, start: text.length, end: text.length + d.length, nodeStart: 0 });
        text += d;
        lineUsed = true; started = true;
        return;
      }
      if (node.nodeType !== ELEMENT) return;
      const name = nameOf(node);
      if (SKIP.has(name)) return;
      if (name === 'BR') {
        if (!isLastInBlock(node, rootNode)) { newline(node.parentNode, indexOf(node)); started = true; } else { lineUsed = true; started = true; }
        return;
      }
      const block = isBlock(node) && node !== rootNode;
      if (block && started && lineUsed) newline(node, 0);
      for (const c of node.childNodes || []) walk(c);
      if (block) { lineUsed = true; started = true; }
    }
    walk(rootNode);
    return makeMap(text, segs, breaks, rootNode);
  }

  function indexOf(node) {
    let i = 0;
    for (let s = node.parentNode && node.parentNode.firstChild; s && s !== node; s = s.nextSibling) i++;
    return i;
  }

  function makeMap(text, segs, breaks, rootNode) {
    /** Index of the last segment with start <= offset (binary search), or -1. */
    function segAt(offset) {
      let lo = 0, hi = segs.length - 1, r = -1;
      while (lo <= hi) { const mid = (lo + hi) >> 1; if (segs[mid].start <= offset) { r = mid; lo = mid + 1; } else hi = mid - 1; }
      return r;
    }
    /**
     * A DOM position for a text offset. At a boundary between a text node and a line break, 'forward' prefers the
     * start of the following text (range starts), 'backward' the end of the preceding text (range ends).
     */
    function toDom(offset, affinity = 'forward') {
      const o = Math.max(0, Math.min(offset, text.length));
      const i = segAt(o);
      // inside: text[o] belongs to segs[i]; before: segs[i-1] or segs[i] ends exactly at o.
      const inside = i >= 0 && o < segs[i].end ? segs[i] : null;
      let before = null;
      if (i >= 0 && segs[i].end === o && o > segs[i].start) before = segs[i];
      else if (inside && inside.start === o && i > 0 && segs[i - 1].end === o) before = segs[i - 1];
      const at = (s, k) => ({ node: s.node, offset: s.nodeStart + (k - s.start) });
      if (affinity === 'backward' && before) return at(before, o);
      if (inside) return at(inside, o);
      if (before) return at(before, o);
      // o sits on a line break or in an empty line: the start of the next text on the same line, else the break.
      const next = segs[i + 1];
      if (next && !text.slice(o, next.start).includes('\n')) return at(next, next.start);
      const b = breaks.find((x) => x.at >= o);
      if (b) return { node: b.node, offset: b.index };
      const last = segs[segs.length - 1];
      if (last) return { node: last.node, offset: last.node.data.length };
      return { node: rootNode, offset: 0 };
    }
    function range(start, end) {
      const a = toDom(start, 'forward');
      const b = end === start ? a : toDom(end, 'backward');
      return { startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset };
    }
    /** Text offset of a DOM position (node, offset), or -1 if it is not inside the mapped tree. */
    function offsetOf(node, offset) {
      if (!node) return -1;
      if (node.nodeType === TEXT) {
        for (const s of segs) if (s.node === node) return s.start + Math.max(0, Math.min(offset, s.end - s.start));
        return -1;
      }
      // An element position: the text offset of the first text at or after child `offset`.
      const child = node.childNodes && node.childNodes[offset];
      const target = child || node;
      let best = -1;
      for (const s of segs) {
        if (contains(target, s.node)) return child ? s.start : s.end;
        if (child && precedes(s.node, child)) best = s.end;
      }
      if (best >= 0) return best;
      return contains(rootNode, node) ? 0 : -1;
    }
    return { text, segments: segs, breaks, root: rootNode, toDom, range, offsetOf };
  }

  function contains(a, b) {
    for (let n = b; n; n = n.parentNode) if (n === a) return true;
    return false;
  }
  /** True if `a` comes before `b` in document order (a not containing b). Uses compareDocumentPosition when there. */
  function precedes(a, b) {
    if (typeof a.compareDocumentPosition === 'function') return !!(a.compareDocumentPosition(b) & 4);
    const path = (n) => { const p = []; for (; n; n = n.parentNode) p.unshift(n); return p; };
    const pa = path(a), pb = path(b);
    let i = 0;
    while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
    if (i === 0 || i >= pa.length || i >= pb.length) return false;
    const kids = Array.from(pa[i - 1].childNodes);
    return kids.indexOf(pa[i]) < kids.indexOf(pb[i]);
  }

  /** The map of a <textarea>/<input>: its value, offsets are the control's own selection offsets. */
  function extractField(el) {
    const text = String(el.value || '');
    return { text, field: el, segments: [], breaks: [], root: el,
      toDom: (o) => ({ node: el, offset: o }), range: (s, e) => ({ startContainer: el, startOffset: s, endContainer: el, endOffset: e }),
      offsetOf: () => -1 };
  }

  PS.textmap = { extract, extractField, BLOCKS };
  if (typeof module === 'object' && module.exports) module.exports = PS.textmap;
})(typeof globalThis !== 'undefined' ? globalThis : self);
