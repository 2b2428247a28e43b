// Page-side reads of the extension's DOM contract (docs/contracts.md §6). Each function is passed to
// page.evaluate, so it must not close over anything.

export const SEVERITIES = ['high', 'medium', 'low', 'info'];

/** {high: [{text, x, y}], medium: [...], ...}: each highlighted range's text and the centre of its first rect. */
export function readHighlights() {
  const out = {};
  for (const sev of ['high', 'medium', 'low', 'info']) {
    const h = CSS.highlights.get(`postscrub-${sev}`);
    out[sev] = h ? [...h].map((r) => {
      const g = document.createRange();
      try { g.setStart(r.startContainer, r.startOffset); g.setEnd(r.endContainer, r.endOffset); } catch { return { text: null }; }
      const rect = [...g.getClientRects()].find((c) => c.width > 0) || g.getBoundingClientRect();
      return { text: g.toString(), x: rect.left + Math.min(rect.width / 2, 6), y: rect.top + rect.height / 2 };
    }) : [];
  }
  return out;
}

/** The extension's UI as a test sees it: badge, card, pre-post dialog (null when absent or hidden). */
export function readUi() {
  const root = document.querySelector('#postscrub-ui')?.shadowRoot;
  if (!root) return { host: false };
  const visible = (el) => {
    if (!el || el.hidden) return false;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const field = (el, f) => el?.querySelector(`[data-field="${f}"]`)?.textContent?.trim() ?? null;
  const card = root.querySelector('[role="dialog"].ps-card');
  const prepost = root.querySelector('[role="alertdialog"].ps-prepost');
  const badges = [...root.querySelectorAll('.ps-badge')].filter(visible);
  return {
    host: true,
    badges: badges.map((b) => ({ text: b.textContent.trim(), level: b.dataset.level })),
    card: visible(card) ? {
      title: field(card, 'title'), why: field(card, 'why'), pack: field(card, 'pack'),
      redact: card.querySelector('[data-action="redact"]')?.textContent?.trim() ?? null,
      actions: [...card.querySelectorAll('[data-action]')].map((b) => b.dataset.action),
    } : null,
    prepost: visible(prepost) ? {
      text: prepost.textContent.trim().slice(0, 300),
      actions: [...prepost.querySelectorAll('[data-action]')].map((b) => b.dataset.action),
    } : null,
  };
}

/** The framework's state: text with paragraphs joined by one "\n" (what the DOM shows), the raw text, bold runs. */
export function readEditor() {
  const f = window.__fixture;
  return { text: f.getParagraphs().join("\n"), raw: f.getText(), bold: f.getBoldTexts(), posted: f.posted, postCount: f.postCount,
    postedText: f.postedText, errors: window.__fixtureErrors.slice(),
    focused: document.activeElement === document.querySelector(f.editorSelector) ||
      !!document.querySelector(f.editorSelector)?.contains(document.activeElement) };
}
