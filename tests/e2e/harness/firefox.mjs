// Firefox ESR driven by puppeteer-core over WebDriver BiDi, with an extension installed as a temporary add-on
// (browser.installExtension) and the fixture sites served by BiDi request interception (network.addIntercept +
// provideResponse): the page keeps its real https URL, so content-script matches and host permissions are the
// real ones. Non-fixture requests are recorded and aborted.
import puppeteer from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixtureResponse, isFixtureUrl } from './sites.mjs';
import { assertExecutable } from './chromium.mjs';

export const FIREFOX = process.env.POSTSCRUB_FIREFOX || '/usr/bin/firefox-esr';

/** Launches Firefox with `extensionDir` installed. Returns {browser, requests, newPage, close}. */
export async function launchFirefox(extensionDir) {
  await assertExecutable(FIREFOX, 'Firefox ESR', 'POSTSCRUB_FIREFOX');
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'postscrub-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    userDataDir,
    defaultViewport: { width: 900, height: 700 },
    extraPrefsFirefox: {
      // Nothing may reach the network on its own (and there is none here): no updates, telemetry, captive
      // portal checks, safe-browsing lists or remote settings.
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      // Synthetic keyboard input may be typed quickly; keep the page's timers at full speed in headless.
      'dom.min_background_timeout_value': 4,
    },
  });
  const extensionId = await browser.installExtension(extensionDir);
  const requests = [];

  /** A new tab whose requests are served from the fixtures (call before the first goto). */
  async function newPage() {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', async (req) => {
      const url = req.url();
      const fixture = isFixtureUrl(url);
      // postData() and resourceType() are CDP-only in puppeteer; over BiDi fetchPostData() gives the body.
      const entry = { url, method: req.method(), postData: undefined, fixture };
      requests.push(entry);
      if (req.hasPostData()) entry.postData = await req.fetchPostData().catch(() => '(unreadable)');
      if (req.isInterceptResolutionHandled()) return;
      if (fixture) {
        const r = await fixtureResponse(url);
        await req.respond({ status: r.status, contentType: r.contentType, body: r.body });
      } else {
        await req.abort('blockedbyclient');
      }
    });
    return page;
  }

  const close = async () => {
    await browser.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  };
  return { browser, extensionId, requests, newPage, close };
}
