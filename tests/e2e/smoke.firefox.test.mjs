// Smoke: the routing approach works in Firefox ESR (WebDriver BiDi request interception serving fixtures at the
// real URLs, a temporary add-on's content script injected, highlights visible to the page).
import { test, before, after } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchFirefox } from './harness/firefox.mjs';
import { Driver } from './harness/driver.mjs';
import { SITES } from './harness/sites.mjs';
import { smokeSite } from './harness/smoke-flow.mjs';

const ext = path.join(path.dirname(fileURLToPath(import.meta.url)), 'smoke-extension');
let b, driver;
before(async () => {
  b = await launchFirefox(ext);
  driver = new Driver(await b.newPage(), 'puppeteer', 'firefox');
});
after(() => b?.close());

for (const name of Object.keys(SITES)) {
  test(`firefox smoke: ${name} fixture at ${SITES[name].url}`, () => smokeSite(driver, name));
}
