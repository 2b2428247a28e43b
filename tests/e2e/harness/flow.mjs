// The end-to-end flow on one fixture with the real extension: type a risky synthetic post key by key, check that
// the highlights are exactly the engine's findings, open a card by clicking in a highlighted span, Redact,
// check the framework's own state, undo with Ctrl+Z, then the pre-post dialog ("Review" keeps the draft,
// "Post anyway" posts it). Written once for Playwright/Chromium and puppeteer/Firefox (see driver.mjs).
import assert from 'node:assert/strict';
import { SITES, PAGES } from './sites.mjs';
import { readEditor, readHighlights, readUi, SEVERITIES } from './page.mjs';

const UI = '#postscrub-ui';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Synthetic posts. Only robust identifiers are asserted by text (a cued MRN, a valid NANP phone number, an
// email address); everything else is compared with what the engine finds.
export const CASES = {
  basic: {
    steps: ['Saw Mr. John Hartley (DOB 03/14/1957) in room 412 today, MRN 00482913, call his wife at 401-863-2291'],
    target: '00482913',
    robust: ['00482913', '401-863-2291'],
  },
  multiParagraph: {
    steps: ['Long night on the ward.', { press: 'Enter' },
      'Saw Mr. John Hartley in room 412 today, MRN 00482913.', { press: 'Enter' },
      'Call his wife at 401-863-2291 or email jhartley@example.net if you know him.'],
    target: 'jhartley@example.net',
    robust: ['00482913', '401-863-2291', 'jhartley@example.net'],
  },
  emoji: {
    steps: ['🎉😷👩🏽‍⚕️ Finally discharged! MRN 00482913, wife at 401-863-2291 🙏'],
    target: '401-863-2291',
    robust: ['00482913', '401-863-2291'],
  },
  // A statement finding around an identifier ("Checked on Mrs. Varga" holds the name "Varga"): both must be drawn.
  overlap: {
    steps: ['Checked on Mrs. Varga twice tonight, MRN 00482913, she is doing better'],
    target: '00482913',
    robust: ['00482913'],
  },
  // Ctrl+B turned on inside the MRN: the span crosses a bold boundary (two text nodes / two style runs).
  bold: {
    steps: ['Back on nights. ', 'MRN 0048', { press: 'Control+b' }, '2913', { press: 'Control+b' }, ' was discharged today.'],
    target: '00482913',
    robust: ['00482913'],
    boldBefore: ['2913'],
  },
};

/** Types the steps of a case into the focused composer. */
export async function typeSteps(driver, steps) {
  for (const s of steps) {
    if (typeof s === 'string') await driver.type(s);
    else await driver.press(s.press);
  }
}

/** Waits until the highlights have not changed for `quietMs` (and at least one exists). Returns them. */
export async function settledHighlights(driver, { quietMs = 400, timeout = 8000 } = {}) {
  const end = Date.now() + timeout;
  let last = null, since = Date.now();
  for (;;) {
    const h = await driver.eval(readHighlights);
    const key = JSON.stringify(SEVERITIES.map((s) => h[s].map((r) => r.text)));
    if (key !== last) { last = key; since = Date.now(); }
    const any = SEVERITIES.some((s) => h[s].length);
    if (any && Date.now() - since >= quietMs) return h;
    if (Date.now() > end) {
      throw new Error(`highlights did not settle within ${timeout} ms (last: ${key}; ui: ${JSON.stringify(await driver.eval(readUi))})`);
    }
    await sleep(50);
  }
}

function textsBySeverity(list) {
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, []]));
  for (const f of list) out[f.severity].push(f.text);
  for (const s of SEVERITIES) out[s].sort();
  return out;
}

/** Asserts that the page's highlights are the engine's findings on the same text, severity by severity. */
export function assertHighlightsMatchEngine(engine, text, highlights, label) {
  const findings = engine.check(text).findings;
  const expected = textsBySeverity(findings);
  const got = Object.fromEntries(SEVERITIES.map((s) => [s, highlights[s].map((r) => r.text).sort()]));
  assert.deepEqual(got, expected, `${label}: highlights (by severity) must be exactly the engine's findings on ${JSON.stringify(text)}`);
  return findings;
}

/** Opens the card of the highlighted span whose text is `target` by clicking inside it. Returns the card. */
export async function openCard(driver, target) {
  const h = await driver.eval(readHighlights);
  const hit = SEVERITIES.flatMap((s) => h[s]).find((r) => r.text === target);
  assert.ok(hit, `a highlight covers ${target}: ${JSON.stringify(h)}`);
  await driver.clickAt(hit.x, hit.y);
  const ui = await driver.waitFor(readUi, null, { message: `the card for ${target} after clicking in it`,
    timeout: 3000 }).then(async () => driver.waitFor(() => {
      const root = document.querySelector('#postscrub-ui')?.shadowRoot;
      const card = root?.querySelector('[role="dialog"].ps-card');
      return card && !card.hidden && card.getBoundingClientRect().width > 0;
    }, null, { message: `the card (.ps-card) for ${target} to open after a click inside the span`, timeout: 3000 }));
  void ui;
  return (await driver.eval(readUi)).card;
}

/**
 * The whole flow for `caseName` on `siteName`. `engine` is from engine.mjs. `shots` names screenshots to take.
 * Returns facts for the caller (findings, timings).
 */
export async function runFlow(driver, engine, siteName, caseName, { screenshotPrefix = null, readmeShot = false } = {}) {
  const site = SITES[siteName];
  const c = CASES[caseName];
  const label = `${driver.browserName} ${siteName} ${caseName}`;
  await driver.goto(site.url);
  await driver.waitFor(() => window.__fixture?.ready, null, { message: 'the fixture page' });
  const editorSel = await driver.eval(() => window.__fixture.editorSelector);
  await driver.click(editorSel);
  await typeSteps(driver, c.steps);

  // 1. Highlights cover exactly the risky text.
  const hl = await settledHighlights(driver);
  const before = await driver.eval(readEditor);
  assert.deepEqual(before.errors, [], `${label}: the editor threw`);
  const expectedTyped = c.steps.map((s) => (typeof s === 'string' ? s : s.press === 'Enter' ? '\n' : '')).join('');
  assert.equal(before.text, expectedTyped, `${label}: the framework's state holds what was typed`);
  if (c.boldBefore) assert.deepEqual(before.bold, c.boldBefore, `${label}: bold run typed with Ctrl+B`);
  const findings = assertHighlightsMatchEngine(engine, before.text, hl, label);
  const allHl = SEVERITIES.flatMap((s) => hl[s].map((r) => r.text));
  for (const id of c.robust) assert.ok(allHl.includes(id), `${label}: ${id} is highlighted (got ${JSON.stringify(allHl)})`);
  const ui0 = await driver.eval(readUi);
  assert.ok(ui0.host, `${label}: #postscrub-ui host with an open shadow root exists`);
  assert.equal(ui0.badges.length, 1, `${label}: one badge for the composer: ${JSON.stringify(ui0.badges)}`);
  assert.equal(ui0.badges[0].text, String(findings.length), `${label}: badge shows the number of findings`);
  assert.equal(ui0.badges[0].level, engine.check(before.text).risk.level, `${label}: badge data-level is the post's risk level`);

  // 2. Card on click inside the target span.
  const card = await openCard(driver, c.target);
  const finding = findings.find((f) => f.text === c.target);
  assert.ok(card.title, `${label}: card has a title`);
  assert.ok(card.redact.includes(finding.redaction.replacement),
    `${label}: the Redact button shows the replacement ${finding.redaction.replacement} (got ${JSON.stringify(card.redact)})`);
  for (const a of ['redact', 'ignore', 'allow']) assert.ok(card.actions.includes(a), `${label}: card has data-action=${a}`);
  if (screenshotPrefix) await driver.screenshot(`${screenshotPrefix}-card`);
  if (readmeShot) await driver.screenshot('readme-highlighted-post-with-card');

  // 3. Redact through the editor's own input path: the framework's state changes, nothing else does.
  await driver.click('[role="dialog"].ps-card [data-action="redact"]', { shadowHost: UI });
  const expected = engine.redact(before.text, [finding]).text;
  const afterRedact = await driver.waitFor((t) => {
    const s = window.__fixture.getParagraphs().join('\n');
    return s === t ? s : null;
  }, expected, { message: `${label}: the framework's text to become ${JSON.stringify(expected)}`, timeout: 3000 })
    .catch(async (e) => { throw new Error(`${e.message}; it is ${JSON.stringify((await driver.eval(readEditor)).text)}`); });
  assert.equal(afterRedact, expected);
  await driver.waitFor((t) => !['high', 'medium', 'low', 'info'].some((s) => [...(CSS.highlights.get(`postscrub-${s}`) || [])]
    .some((r) => { const g = document.createRange(); try { g.setStart(r.startContainer, r.startOffset); g.setEnd(r.endContainer, r.endOffset); } catch { return false; } return g.toString() === t; })),
  c.target, { message: `${label}: the redacted span's highlight to go`, timeout: 3000 });
  if (screenshotPrefix) await driver.screenshot(`${screenshotPrefix}-redacted`);

  // 4. Ctrl+Z restores the original text (the redaction joined the editor's own undo history).
  const focus = await driver.eval(readEditor);
  if (!focus.focused) await driver.click(editorSel); // a user clicks back into the composer first
  await driver.press('Control+z');
  await driver.waitFor((t) => window.__fixture.getParagraphs().join('\n') === t, before.text,
    { message: `${label}: Ctrl+Z to restore ${JSON.stringify(before.text)}`, timeout: 3000 })
    .catch(async (e) => { throw new Error(`${e.message}; it is ${JSON.stringify((await driver.eval(readEditor)).text)}`); });
  await settledHighlights(driver);

  // 5. Pre-post warning with unresolved high-risk findings; the draft survives; "Post anyway" posts it.
  const hasHigh = findings.some((f) => f.severity === 'high');
  const postSel = await driver.eval(() => window.__fixture.postSelector);
  await driver.click(postSel);
  if (hasHigh) {
    await driver.waitFor(() => {
      const d = document.querySelector('#postscrub-ui')?.shadowRoot?.querySelector('[role="alertdialog"].ps-prepost');
      return d && !d.hidden && d.getBoundingClientRect().width > 0;
    }, null, { message: `${label}: the pre-post dialog after clicking Post with high risk left`, timeout: 3000 });
    const s1 = await driver.eval(readEditor);
    assert.equal(s1.posted, false, `${label}: the site did not receive the Post click while the dialog is open`);
    assert.equal(s1.text, before.text, `${label}: the draft is intact while the dialog is open`);
    if (screenshotPrefix) await driver.screenshot(`${screenshotPrefix}-prepost`);
    await driver.click('[role="alertdialog"].ps-prepost [data-action="review"]', { shadowHost: UI });
    await driver.waitFor(() => !document.querySelector('#postscrub-ui')?.shadowRoot
      ?.querySelector('[role="alertdialog"].ps-prepost:not([hidden])')?.getBoundingClientRect().width, null,
    { message: `${label}: "Review" closes the pre-post dialog` });
    const s2 = await driver.eval(readEditor);
    assert.equal(s2.posted, false, `${label}: "Review" does not post`);
    assert.equal(s2.text, before.text, `${label}: "Review" keeps the draft`);
    // "Review" puts the caret on the first high-risk item and opens its card, which must not cover the Post
    // button: the user can read it and still click Post right away.
    const reviewed = await driver.waitFor(cardOverPost, postSel, { message: `${label}: "Review" opens the first high-risk card`, timeout: 3000 });
    assert.equal(reviewed.overlap, 0, `${label}: the card opened by "Review" does not cover the Post button: ${JSON.stringify(reviewed)}`);
    await driver.click(postSel);
    await driver.click('[role="alertdialog"].ps-prepost [data-action="post-anyway"]', { shadowHost: UI });
  }
  await driver.waitFor(() => window.__fixture.posted, null, { message: `${label}: the site receives the Post click`, timeout: 3000 });
  const s3 = await driver.eval(readEditor);
  assert.equal(s3.postedText, before.raw, `${label}: what was posted is the draft, unchanged`);
  assert.equal(s3.postCount, 1, `${label}: posted exactly once`);
  return { findings, hasHigh };
}

async function startPost(driver, siteName, steps) {
  const site = SITES[siteName];
  await driver.goto(site.url);
  await driver.waitFor(() => window.__fixture?.ready, null, { message: 'the fixture page' });
  const editorSel = await driver.eval(() => window.__fixture.editorSelector);
  await driver.click(editorSel);
  await typeSteps(driver, steps);
  return { editorSel, hl: await settledHighlights(driver) };
}

/** The open card's rect and its overlap (px²) with the Post button `postSel`, or null if no card is open. */
function cardOverPost(postSel) {
  const card = document.querySelector('#postscrub-ui')?.shadowRoot?.querySelector('[role="dialog"].ps-card');
  if (!card || card.hidden) return null;
  const c = card.getBoundingClientRect();
  if (!c.width) return null;
  const p = document.querySelector(postSel).getBoundingClientRect();
  const overlap = Math.max(0, Math.min(c.right, p.right) - Math.max(c.left, p.left)) * Math.max(0, Math.min(c.bottom, p.bottom) - Math.max(c.top, p.top));
  return { overlap, card: [c.left, c.top, c.right, c.bottom].map(Math.round), post: [p.left, p.top, p.right, p.bottom].map(Math.round) };
}

const cardVisible = () => {
  const card = document.querySelector('#postscrub-ui')?.shadowRoot?.querySelector('[role="dialog"].ps-card');
  return !!card && !card.hidden && getComputedStyle(card).display !== 'none' && card.getBoundingClientRect().width > 0;
};

/** Alt+Shift+K with the caret inside a finding opens its card; the text is untouched. */
export async function runKeyboardCard(driver, siteName) {
  const label = `${driver.browserName} ${siteName} Alt+Shift+K`;
  await startPost(driver, siteName, ['Call his wife at 401-863-2291']);
  assert.equal(await driver.eval(cardVisible), false, `${label}: no card before the shortcut`);
  for (let i = 0; i < 3; i++) await driver.press('ArrowLeft');
  await driver.press('Alt+Shift+K');
  await driver.waitFor(cardVisible, null, { message: `${label}: the card to open`, timeout: 3000 });
  const ui = await driver.eval(readUi);
  assert.ok(ui.card.redact.includes('[PHONE]') || ui.card.redact.length > 0, `${label}: card shows Redact`);
  assert.equal((await driver.eval(readEditor)).text, 'Call his wife at 401-863-2291', `${label}: text untouched`);
}

/**
 * Ignore removes one finding's highlight (text untouched); Allow removes a term's highlight and it stays allowed
 * on a fresh page (the personal allowlist). Run last in a browser profile: Allow persists.
 */
export async function runIgnoreAndAllow(driver, siteName, engine) {
  const label = `${driver.browserName} ${siteName} Ignore/Allow`;
  const text = 'Call his wife at 401-863-2291 or email jhartley@example.net today';
  await startPost(driver, siteName, [text]);
  const texts = (h) => SEVERITIES.flatMap((s) => h[s].map((r) => r.text));
  await openCard(driver, '401-863-2291');
  await driver.click('[role="dialog"].ps-card [data-action="ignore"]', { shadowHost: UI });
  await driver.waitFor(() => { const h = CSS.highlights; return ![...(h.get('postscrub-medium') || [])].concat([...(h.get('postscrub-high') || [])])
    .some((r) => { const g = document.createRange(); g.setStart(r.startContainer, r.startOffset); g.setEnd(r.endContainer, r.endOffset); return g.toString() === '401-863-2291'; }); },
  null, { message: `${label}: the ignored phone number's highlight to go`, timeout: 3000 });
  assert.equal((await driver.eval(readEditor)).text, text, `${label}: Ignore does not change the text`);
  assert.ok(texts(await driver.eval(readHighlights)).includes('jhartley@example.net'), `${label}: other findings stay`);

  await openCard(driver, 'jhartley@example.net');
  await driver.click('[role="dialog"].ps-card [data-action="allow"]', { shadowHost: UI });
  const end = Date.now() + 3000;
  while (texts(await driver.eval(readHighlights)).includes('jhartley@example.net')) {
    if (Date.now() > end) throw new Error(`${label}: the allowed email is still highlighted`);
    await sleep(50);
  }
  assert.equal((await driver.eval(readEditor)).text, text, `${label}: Allow does not change the text`);
  // A fresh page: the allowed term stays unflagged, the rest is flagged as the engine says.
  const { hl } = await startPost(driver, siteName, ['Write to jhartley@example.net, MRN 00482913']);
  assert.ok(!texts(hl).includes('jhartley@example.net'), `${label}: allowed term stays allowed on a new page`);
  assert.ok(texts(hl).includes('00482913'), `${label}: other findings are still flagged`);
  void engine;
}

/** Hovering a highlighted span (mouse resting on it, no click) opens its card; the caret and text stay. */
export async function runHoverCard(driver, siteName) {
  const label = `${driver.browserName} ${siteName} hover`;
  await startPost(driver, siteName, ['Call his wife at 401-863-2291 tonight']);
  assert.equal(await driver.eval(cardVisible), false, `${label}: no card before hovering`);
  const h = await driver.eval(readHighlights);
  const hit = SEVERITIES.flatMap((s) => h[s]).find((r) => r.text === '401-863-2291');
  assert.ok(hit, `${label}: the phone number is highlighted`);
  await driver.page.mouse.move(hit.x - 20, hit.y + 40);
  await driver.page.mouse.move(hit.x, hit.y, { steps: 4 });
  await driver.waitFor(cardVisible, null, { message: `${label}: the card to open on hover`, timeout: 3000 });
  assert.equal((await driver.eval(readEditor)).text, 'Call his wife at 401-863-2291 tonight', `${label}: text untouched`);
}

/**
 * "Redact all high-risk" in a card redacts every high-severity finding (as the engine redacts them) and nothing
 * else, in the framework's own state; the other findings stay highlighted.
 */
export async function runRedactAllHigh(driver, siteName, engine) {
  const label = `${driver.browserName} ${siteName} Redact all high-risk`;
  const text = 'Saw Mr. John Hartley today, MRN 00482913, wife at 401-863-2291, email jhartley@example.net';
  await startPost(driver, siteName, [text]);
  const findings = engine.check(text).findings;
  const highs = findings.filter((f) => f.severity === 'high');
  assert.ok(highs.length >= 2, `${label}: the post has several high-risk findings (engine: ${JSON.stringify(findings.map((f) => [f.text, f.severity]))})`);
  const card = await openCard(driver, highs[0].text);
  assert.ok(card.actions.includes('redact-all-high'), `${label}: the card offers Redact all high-risk`);
  const btn = await driver.eval(() => document.querySelector('#postscrub-ui').shadowRoot.querySelector('[data-action="redact-all-high"]').textContent);
  assert.ok(btn.includes(`(${highs.length})`), `${label}: the button names the count ${highs.length}: ${btn}`);
  await driver.click('[role="dialog"].ps-card [data-action="redact-all-high"]', { shadowHost: UI });
  const expected = engine.redact(text, highs).text;
  assert.notEqual(expected, text);
  await driver.waitFor((t) => window.__fixture.getParagraphs().join('\n') === t, expected,
    { message: `${label}: the framework's text to become ${JSON.stringify(expected)}`, timeout: 4000 })
    .catch(async (e) => { throw new Error(`${e.message}; it is ${JSON.stringify((await driver.eval(readEditor)).text)}`); });
  const rest = engine.check(expected).findings;
  assert.ok(!rest.some((f) => f.severity === 'high' && highs.some((h) => h.text === f.text)), `${label}: no redacted item is found again`);
  const hl = await settledHighlights(driver).catch(() => ({ high: [], medium: [], low: [], info: [] }));
  if (rest.length) assertHighlightsMatchEngine(engine, expected, hl, label);
}

/** In a <textarea> (underlines drawn on a mirror over it), resting the mouse on an underlined span opens its card. */
export async function runTextareaHover(driver) {
  const label = `${driver.browserName} textarea hover`;
  await startPost(driver, 'textarea', ['Call his wife at 401-863-2291 tonight']);
  assert.equal(await driver.eval(cardVisible), false, `${label}: no card before hovering`);
  const h = await driver.eval(readHighlights);
  const hit = SEVERITIES.flatMap((s) => h[s]).find((r) => r.text === '401-863-2291');
  assert.ok(hit, `${label}: the phone number is underlined (on the mirror)`);
  const onTextarea = await driver.eval(([x, y]) => document.elementFromPoint(x, y)?.id, [hit.x, hit.y]);
  assert.equal(onTextarea, 'post', `${label}: the underline lies over the textarea itself`);
  await driver.page.mouse.move(hit.x - 30, hit.y + 60);
  await driver.page.mouse.move(hit.x, hit.y, { steps: 4 });
  await driver.waitFor(cardVisible, null, { message: `${label}: the card to open on hover`, timeout: 3000 });
  const ui = await driver.eval(readUi);
  assert.ok(ui.card.redact.length > 0, `${label}: the card offers Redact`);
  // Away from the span (still over the textarea): the hover card closes again.
  await driver.page.mouse.move(hit.x - 30, hit.y + 60, { steps: 3 });
  await driver.waitFor(() => !document.querySelector('#postscrub-ui')?.shadowRoot?.querySelector('[role="dialog"].ps-card:not([hidden])'),
    null, { message: `${label}: the hover card to close when the mouse leaves the span`, timeout: 3000 });
  assert.equal((await driver.eval(readEditor)).text, 'Call his wife at 401-863-2291 tonight', `${label}: text untouched`);
}

/**
 * A comment box that posts on Enter: Enter with a high-risk item left opens the pre-post dialog and the site
 * posts nothing; "Review" keeps the draft; "Post anyway" posts it once. Shift+Enter is a new line, never held.
 * A harmless comment posts on Enter at once.
 */
export async function runEnterSubmit(driver, engine) {
  const label = `${driver.browserName} comment box Enter`;
  await driver.goto(PAGES.fbcomment.url);
  await driver.waitFor(() => window.__fixture?.ready, null, { message: 'the comment fixture' });
  const sel = await driver.eval(() => window.__fixture.editorSelector);
  await driver.click(sel);
  await typeSteps(driver, ['Great talk today, thanks!']);
  await sleep(300);
  await driver.press('Enter');
  await driver.waitFor(() => window.__fixture.postCount === 1, null, { message: `${label}: a harmless comment posts on Enter`, timeout: 3000 });
  assert.equal(await driver.eval(() => window.__fixture.postedText), 'Great talk today, thanks!');
  assert.equal((await driver.eval(readUi)).prepost, null, `${label}: no dialog for a harmless comment`);

  const risky = 'Saw him today, MRN 00482913';
  await typeSteps(driver, [risky]);
  const hl = await settledHighlights(driver);
  assertHighlightsMatchEngine(engine, risky, hl, label);
  assert.ok(engine.check(risky).findings.some((f) => f.severity === 'high'), `${label}: the comment has a high-risk item`);
  await driver.press('Shift+Enter');
  await driver.waitFor(() => window.__fixture.getParagraphs().join('\n').endsWith('\n') || window.__fixture.getText().endsWith('\n'), null,
    { message: `${label}: Shift+Enter inserts a new line`, timeout: 3000 });
  assert.equal((await driver.eval(readUi)).prepost, null, `${label}: Shift+Enter is not held`);
  assert.equal(await driver.eval(() => window.__fixture.postCount), 1, `${label}: Shift+Enter does not post`);
  await driver.press('Backspace');
  await driver.waitFor((t) => window.__fixture.getText() === t, risky, { message: `${label}: back to the one-line comment` });
  await settledHighlights(driver);

  await driver.press('Enter');
  await driver.waitFor(() => {
    const d = document.querySelector('#postscrub-ui')?.shadowRoot?.querySelector('[role="alertdialog"].ps-prepost');
    return d && d.getBoundingClientRect().width > 0;
  }, null, { message: `${label}: Enter with a high-risk item opens the pre-post dialog`, timeout: 3000 });
  let st = await driver.eval(readEditor);
  assert.equal(st.postCount, 1, `${label}: the site did not receive the Enter`);
  assert.equal(st.raw, risky, `${label}: the draft is intact`);
  await driver.click('[role="alertdialog"].ps-prepost [data-action="review"]', { shadowHost: UI });
  await driver.waitFor(() => !document.querySelector('#postscrub-ui')?.shadowRoot?.querySelector('.ps-prepost'), null,
    { message: `${label}: "Review" closes the dialog` });
  st = await driver.eval(readEditor);
  assert.equal(st.postCount, 1, `${label}: "Review" does not post`);
  assert.equal(st.raw, risky, `${label}: "Review" keeps the draft`);

  if ((await driver.eval(readUi)).card) { await driver.press('Escape'); }
  if (!(await driver.eval(readEditor)).focused) await driver.click(sel);
  await driver.press('Enter');
  await driver.click('[role="alertdialog"].ps-prepost [data-action="post-anyway"]', { shadowHost: UI });
  await driver.waitFor(() => window.__fixture.postCount === 2, null, { message: `${label}: "Post anyway" posts the comment`, timeout: 3000 });
  st = await driver.eval(readEditor);
  assert.equal(st.postedText, risky, `${label}: what was posted is the draft, unchanged`);
  await sleep(300);
  assert.equal(await driver.eval(() => window.__fixture.postCount), 2, `${label}: posted exactly once`);
}
