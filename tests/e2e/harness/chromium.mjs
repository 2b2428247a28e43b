// Debian's Chromium driven by playwright-core, with an unpacked extension loaded and the fixture sites routed.
// Every request that is not a fixture request is recorded and aborted: the machine has no network anyway, and
// the privacy test reads the log.
import { chromium } from 'playwright-core';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixtureResponse, isFixtureUrl } from './sites.mjs';

export const CHROMIUM = process.env.POSTSCRUB_CHROMIUM || '/usr/bin/chromium';

// Report network requests of extension service workers to context.on('request') as well.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export async function assertExecutable(file, what, envVar) {
  try { await access(file, constants.X_OK); } catch {
    throw new Error(`${what} not found at ${file}: install it (scripts/bootstrap installs Debian's package) ` +
      `or set ${envVar} to its path. The browser tests cannot run without it.`);
  }
}

/**
 * Launches Chromium with `extensionDir` loaded (extraArgs: more command-line flags, for experiments).
 * Returns {context, requests, extensionId, close}.
 * requests: every request the browser made [{url, method, postData, resourceType, fixture, fromServiceWorker}].
 */
export async function launchChromium(extensionDir, { headless = true, extraArgs = [] } = {}) {
  await assertExecutable(CHROMIUM, 'Chromium', 'POSTSCRUB_CHROMIUM');
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'postscrub-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 900, height: 700 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      ...extraArgs,
    ],
  });
  const requests = [];
  context.on('request', (req) => {
    let fromServiceWorker = false;
    try { fromServiceWorker = !!req.serviceWorker(); } catch { /* older API */ }
    requests.push({ url: req.url(), method: req.method(), postData: req.postData(), resourceType: req.resourceType(),
      fixture: isFixtureUrl(req.url()), fromServiceWorker });
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isFixtureUrl(url)) {
      const r = await fixtureResponse(url);
      await route.fulfill({ status: r.status, contentType: r.contentType, body: r.body });
    } else if (url.startsWith('chrome-extension://')) {
      await route.continue();             // the extension's own pages (options, popup) load their own files
    } else {
      await route.abort('blockedbyclient');
    }
  });
  const close = async () => {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  };
  return { context, requests, close };
}

/** The extension's service worker (waits for it), or null after `timeout` ms if the extension has none. */
export async function extensionServiceWorker(context, timeout = 5000) {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'), timeout });
  } catch { return null; }
}
