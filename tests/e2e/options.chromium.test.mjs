// The options page and popup of the shipped extension (dist/chrome, unmodified) in Debian's Chromium: the packs in
// use, a compliance office's team pack imported from a file and then used on a composer, a broken pack refused
// with an error naming the rule and field while the last good one stays, settings that persist, the popup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from './harness/chromium.mjs';
import { Driver } from './harness/driver.mjs';
import { builtExtension } from './harness/extension.mjs';
import { typeSteps, settledHighlights } from './harness/flow.mjs';
import { SITES } from './harness/sites.mjs';

// The stable id of the unpacked build (its manifest `key`; scripts/build-extension).
const ID = 'kdohlcenhkjdddlcnpellkbpofhppfof';
const OPTIONS = `chrome-extension://${ID}/options/options.html`;

const TEAM_PACK = {
  id: 'example-hospital', name: 'Example Hospital team pack', version: '1.2.0', schema_version: 1,
  publisher: 'Example Hospital compliance office', description: 'Flags the hospital\'s internal unit names.',
  rules: [{
    id: 'example-hospital-unit', category: 'location', severity: 'medium',
    description: 'Naming an internal unit narrows down who a patient is: HIPAA Safe Harbor (B), 45 CFR 164.514(b)(2)(i)(B).',
    message: 'Hospital unit name', advice: 'Leave the unit out, or say "our hospital".',
    patterns: [{ regex: '\\bWard (?:7B|Birch)\\b', score: 0.8 }],
    redact: { strategy: 'label', label: '[UNIT]' },
    examples: { match: [{ text: 'Quiet shift on Ward 7B tonight', span: 'Ward 7B' }], no_match: ['Unit conversions'] },
  }],
};

let b, page;
before(async () => {
  b = await launchChromium(builtExtension('chrome').dir);
  page = await b.context.newPage();
});
after(() => b?.close());

const listTexts = (sel) => page.$$eval(`${sel} li`, (ls) => ls.map((l) => l.textContent.trim()));

async function openOptions() {
  await page.goto(OPTIONS);
  await page.waitForFunction(() => document.querySelectorAll('#packs-in-use li').length > 0, null, { timeout: 15000 });
}

async function importPack(pack, name) {
  await page.setInputFiles('#pack-file', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await page.waitForFunction(() => /Imported|Not imported/.test(document.getElementById('pack-status').textContent),
    null, { timeout: 15000 });
  return page.textContent('#pack-status');
}

test('options: the bundled packs are listed as in use', async () => {
  await openOptions();
  const inUse = await listTexts('#packs-in-use');
  for (const name of ['HIPAA Safe Harbor identifiers', 'Personal names and places']) {
    assert.ok(inUse.some((t) => t.startsWith(name)), `${name} in ${JSON.stringify(inUse)}`);
  }
  assert.equal(await page.textContent('#errors'), '');
});

test('the worker is the one bundled script, and its first engine came from the snapshot, not a compile', async () => {
  await openOptions();
  const worker = b.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ID}/`));
  assert.ok(worker && worker.url().endsWith('/background/worker.js'), worker && worker.url());
  const state = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'get-state' }));
  assert.deepEqual(state.engine, { first: 'snapshot', now: 'compiled', snapshotError: '' });
  assert.equal(state.errors.length, 0);
});

test('options: a team pack imported from a file is used in the composer', async () => {
  const status = await importPack(TEAM_PACK, 'example-hospital.json');
  assert.match(status, /Imported pack/);
  assert.ok((await listTexts('#packs-in-use')).some((t) => t.startsWith('Example Hospital team pack 1.2.0')));

  const site = await b.context.newPage();
  const driver = new Driver(site, 'playwright', 'chromium');
  await driver.goto(SITES.facebook.url);
  await driver.waitFor(() => window.__fixture?.ready, null, { message: 'the fixture page' });
  await driver.click(await driver.eval(() => window.__fixture.editorSelector));
  await typeSteps(driver, ['Quiet shift on Ward 7B tonight']);
  const hl = Object.values(await settledHighlights(driver)).flat().map((r) => r.text);
  assert.ok(hl.includes('Ward 7B'), `the team rule underlines: ${JSON.stringify(hl)}`);
  await site.close();
});

test('options: a broken pack is refused with an error naming rule and field; the last good copy stays', async () => {
  const broken = structuredClone(TEAM_PACK);
  broken.version = '1.3.0';
  broken.rules[0].patterns[0].regex = '(unclosed';
  const status = await importPack(broken, 'example-hospital.json');
  assert.match(status, /Not imported/);
  assert.match(status, /example-hospital-unit/, 'names the rule');
  assert.match(status, /\/rules\/0\/patterns\/0\/regex/, 'names the field');
  assert.ok((await listTexts('#packs-in-use')).some((t) => t.startsWith('Example Hospital team pack 1.2.0')),
    'the good 1.2.0 stays in use');
});

test('options: threshold, pre-post check and allowlist persist across a reload', async () => {
  await page.selectOption('#threshold', 'high');
  await page.uncheck('#prepost');
  await page.fill('#allow-term', '(401) 555-0100');
  await page.click('#allow-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('allowlist').textContent.includes('(401) 555-0100'));
  await openOptions();
  assert.equal(await page.inputValue('#threshold'), 'high');
  assert.equal(await page.isChecked('#prepost'), false);
  assert.ok((await page.textContent('#allowlist')).includes('(401) 555-0100'));
});

test('popup: renders its status without an error', async () => {
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${ID}/popup/popup.html`);
  await popup.waitForFunction(() => document.getElementById('status').textContent !== 'Checking…', null, { timeout: 10000 });
  assert.equal((await popup.textContent('#error')).trim(), '');
  assert.ok((await popup.textContent('#status')).trim().length > 0);
  await popup.close();
});
