/*
 * Postscrub site adapters: which elements are post composers, which buttons post, on which site.
 *
 *   const a = PS.adapters.forHost(location.hostname)   // {name, composers: [selector], postButtons: [selector], fields}
 *   PS.adapters.findComposers(document, a)              // [{el, kind: 'rich'|'field', adapter}] in document order
 *   PS.adapters.isPostButton(target, a)                 // the post button the event target is inside, or null
 *   PS.adapters.enterSubmits(el, a)                     // plain Enter posts from this composer (comment boxes)
 *   PS.adapters.composerRoot(el)                        // the contenteditable root an element belongs to
 *
 * Facebook: Lexical. X: Draft.js (data-testid="tweetTextarea_N" is the contenteditable itself, or wraps it).
 * LinkedIn: Quill (.ql-editor). Everywhere the extension runs: plain <textarea>s and top-level contenteditables;
 * on sites the user enabled also <input type=text>. Only selectors and element tests live here: the page is
 * untrusted, so nothing it defines (properties, globals) is read.
 */
(function (root) {
  'use strict';
  const PS = root.PS = root.PS || {};
  if (PS.adapters) return;

  const SITES = [
    { name: 'facebook', hosts: /(^|\.)facebook\.com$/,
      composers: ['[contenteditable="true"][data-lexical-editor="true"]', '[contenteditable="true"][role="textbox"]'],
      postButtons: ['[role="button"][aria-label="Post"]', '[role="button"][aria-label="Share now"]', 'div[aria-label="Post"]'],
      // Comment and reply boxes post on Enter (Shift+Enter is a new line); the post composer does not.
      enterSubmits: (el) => /\b(comment|reply|answer)\b/i.test(`${el.getAttribute('aria-label') || ''} ${el.getAttribute('aria-placeholder') || ''}`) },
    { name: 'x', hosts: /(^|\.)(x|twitter)\.com$/,
      composers: ['[data-testid^="tweetTextarea_"][contenteditable="true"]', '[data-testid^="tweetTextarea_"] [contenteditable="true"]',
        '.public-DraftEditor-content[contenteditable="true"]'],
      postButtons: ['[data-testid="tweetButton"]', '[data-testid="tweetButtonInline"]'] },
    { name: 'linkedin', hosts: /(^|\.)linkedin\.com$/,
      composers: ['.ql-editor[contenteditable="true"]', '.msg-form__contenteditable[contenteditable="true"]'],
      enterSubmits: (el) => el.matches('.msg-form__contenteditable'),     // messaging: "Press Enter to Send"
      postButtons: ['.share-actions__primary-action', 'button.comments-comment-box__submit-button',
        'button.comments-comment-box__submit-button--cr'] },
  ];
  const GENERIC = { name: 'generic', composers: [], postButtons: [] };
  const GENERIC_POST = ['button[type="submit"]', 'input[type="submit"]', '[aria-label="Post"]', '[aria-label="Tweet"]',
    '[aria-label="Reply"]', '[aria-label="Comment"]', '[aria-label="Send"]'];
  const FIELD_SEL = 'textarea';
  const INPUT_SEL = 'input[type="text"], input:not([type])';

  /** The adapter for a host name. `userSite` adds <input type=text> (only on sites the user enabled). */
  function forHost(host, { userSite = false } = {}) {
    const h = String(host || '').toLowerCase();
    const site = SITES.find((s) => s.hosts.test(h)) || GENERIC;
    return { ...site, inputs: userSite || site === GENERIC, fieldSelector: (userSite || site === GENERIC) ? `${FIELD_SEL}, ${INPUT_SEL}` : FIELD_SEL };
  }

  const isEditableRoot = (el) => el && el.isContentEditable && !(el.parentElement && el.parentElement.isContentEditable);
  /** The outermost contenteditable element that contains `node` (the editor root), or null. */
  function composerRoot(node) {
    let el = node && (node.nodeType === 1 ? node : node.parentElement);
    if (!el || !el.isContentEditable) return null;
    while (el.parentElement && el.parentElement.isContentEditable) el = el.parentElement;
    return el;
  }

  function usableField(el) {
    if (el.disabled || el.readOnly) return false;
    if (el.tagName === 'INPUT') {
      const t = (el.getAttribute('type') || 'text').toLowerCase();
      if (t !== 'text') return false;
      const ac = (el.getAttribute('autocomplete') || '').toLowerCase();
      if (/(user|email|pass|one-time|cc-|tel|address|name)/.test(ac)) return false;
      if ((el.getAttribute('role') || '') === 'combobox' || (el.getAttribute('type') === 'search')) return false;
    }
    return true;
  }

  function findComposers(doc, adapter) {
    const out = [];
    const seen = new Set();
    const add = (el, kind) => { if (!seen.has(el)) { seen.add(el); out.push({ el, kind, adapter: adapter.name }); } };
    for (const sel of adapter.composers) {
      for (const el of doc.querySelectorAll(sel)) {
        const r = composerRoot(el) || el;
        if (r.isContentEditable) add(r, 'rich');
      }
    }
    // Any top-level contenteditable (a generic rich composer) and plain fields.
    for (const el of doc.querySelectorAll('[contenteditable]:not([contenteditable="false"])')) {
      if (isEditableRoot(el) && el.ownerDocument === doc) add(el, 'rich');
    }
    for (const el of doc.querySelectorAll(adapter.fieldSelector)) if (usableField(el)) add(el, 'field');
    return out;
  }

  /**
   * Does plain Enter (no Shift) post what is in composer `el`? Per site, plus any composer that says so itself
   * (`enterkeyhint="send"`). Only elements are inspected, never page scripts.
   */
  function enterSubmits(el, adapter) {
    if (!el || typeof el.getAttribute !== 'function') return false;
    if ((el.getAttribute('enterkeyhint') || '').toLowerCase() === 'send') return true;
    return !!(adapter && typeof adapter.enterSubmits === 'function' && adapter.enterSubmits(el));
  }

  /** The post button (per adapter, or a generic one) that `target` is inside, or null. */
  function isPostButton(target, adapter) {
    const el = target && (target.nodeType === 1 ? target : target.parentElement);
    if (!el || typeof el.closest !== 'function') return null;
    for (const sel of adapter.postButtons) { const b = el.closest(sel); if (b) return b; }
    for (const sel of GENERIC_POST) {
      const b = el.closest(sel);
      if (b) return b;
    }
    // A button whose visible label is Post/Tweet/Reply/Share.
    const b = el.closest('button, [role="button"]');
    if (b && /^(post|tweet|reply|share|publish|comment|send)$/i.test((b.textContent || '').trim())) return b;
    return null;
  }

  /** The dialog/form/region that holds a composer or a button, to pair a post button with its composer. */
  function container(el) {
    return (el && el.closest && el.closest('[role="dialog"], form, [role="form"], .share-box')) || null;
  }
  /** Does `button` post what is in `composer`? Same dialog/form, else a common ancestor at most `depth` levels up. */
  function pairs(button, composer, depth = 8) {
    const c = container(button);
    if (c) return c.contains(composer);
    let a = button;
    for (let i = 0; i < depth && a; i++, a = a.parentElement) if (a.contains(composer)) return true;
    return false;
  }

  /** The button that posts composer `el`: the site's own selectors first, then generic ones, in its form/dialog. */
  function postButtonFor(el, adapter) {
    const c = container(el);
    const scope = c || el.ownerDocument;
    for (const sel of [...adapter.postButtons, ...GENERIC_POST]) {
      for (const b of scope.querySelectorAll(sel)) if (c || pairs(b, el)) return b;
    }
    return null;
  }

  PS.adapters = { SITES, forHost, findComposers, isPostButton, postButtonFor, enterSubmits, composerRoot, container, pairs, usableField };
  if (typeof module === 'object' && module.exports) module.exports = PS.adapters;
})(typeof globalThis !== 'undefined' ? globalThis : self);
