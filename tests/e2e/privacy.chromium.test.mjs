// Privacy: while a risky post is typed and checked, and a card is opened, nothing leaves the browser. Every
// request of the page, its frames and the extension's service worker is recorded (Playwright reports service
// worker requests with PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1, set in harness/chromium.mjs). A
// negative control (tests/e2e/leak-extension) proves the recorder sees leaks from both places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, extensionServiceWorker } from './harness/chromium.mjs';
import { Driver } from './harness/driver.mjs';
import { builtExtension } from './harness/extension.mjs';
import { CASES, settledHighlights, typeSteps, openCard } from './harness/flow.mjs';
import { leaks } from './harness/privacy.mjs';
import { SITES } from './harness/sites.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECRETS = ['Hartley', '00482913', '401-863-2291', '863-2291', '0048'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('chromium privacy (negative control): a leaky extension is caught, from content script and worker', async () => {
  const b = await launchChromium(path.join(here, 'leak-extension'));
  try {
    const driver = new Driver(await b.context.newPage(), 'playwright', 'chromium');
    await driver.goto(SITES.facebook.url);
    await driver.waitFor(() => window.__fixture?.ready, null, { message: 'the fixture' });
    await extensionServiceWorker(b.context);
    await driver.click('[data-lexical-editor="true"]');
    await driver.type('Mr. John Hartley, MRN 00482913');
    await sleep(800);
    const bad = leaks(b.requests, { secrets: SECRETS });
    assert.ok(bad.some((r) => r.url.startsWith('https://collector.invalid/cs?')), `content-script leak seen: ${JSON.stringify(bad)}`);
    assert.ok(bad.some((r) => r.url === 'https://collector.invalid/sw' && (r.postData || '').includes('Hartley')),
      `service-worker leak seen with its body: ${JSON.stringify(bad)}`);
  } finally { await b.close(); }
});

test('chromium privacy: the real extension sends nothing while a post is typed, checked and a card opened', async () => {
  const ext = builtExtension('chrome');
  const b = await launchChromium(ext.dir);
  try {
    const driver = new Driver(await b.context.newPage(), 'playwright', 'chromium');
    await driver.goto(SITES.facebook.url);
    await driver.waitFor(() => window.__fixture?.ready, null, { message: 'the fixture' });
    await driver.click('[data-lexical-editor="true"]');
    await typeSteps(driver, CASES.basic.steps);
    await settledHighlights(driver);
    await openCard(driver, CASES.basic.target);
    await sleep(500);
    const bad = leaks(b.requests, { secrets: SECRETS });
    assert.deepEqual(bad, [], 'no request outside the extension and the routed fixture assets, none carrying the post');
    assert.ok(b.requests.some((r) => r.fixture), 'the recorder saw the fixture requests (it works)');
  } finally { await b.close(); }
});
