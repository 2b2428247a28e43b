// Smoke: the routing approach works in Chromium (Playwright context.route serving fixtures at the real URLs,
// a content script injected, highlights visible to the page), independent of the real extension.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './harness/chromium.mjs';
import { Driver } from './harness/driver.mjs';
import { SITES } from './harness/sites.mjs';
import { smokeSite } from './harness/smoke-flow.mjs';

const ext = path.join(path.dirname(fileURLToPath(import.meta.url)), 'smoke-extension');
let b, driver;
before(async () => {
  b = await launchChromium(ext);
  driver = new Driver(await b.context.newPage(), 'playwright', 'chromium');
});
after(() => b?.close());

for (const name of Object.keys(SITES)) {
  test(`chromium smoke: ${name} fixture at ${SITES[name].url}`, () => smokeSite(driver, name));
}

test('chromium smoke: no request left the routed fixture origins', () => {
  const outside = b.requests.filter((r) => !r.fixture);
  assert.deepEqual(outside, []);
});
