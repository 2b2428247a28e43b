// What counts as a leak: any request, after the fixture page has loaded, to anything but the extension's own
// files (chrome-extension://, moz-extension://) or the routed fixture assets; and any request at all whose URL
// or body carries a piece of the post.
const OWN = /^(chrome-extension|moz-extension|data|blob):/;

/** Requests in `requests` (from launchChromium/launchFirefox) that break the rules above. */
export function leaks(requests, { secrets }) {
  return requests.filter((r) => {
    const carries = secrets.some((s) => {
      const hay = `${r.url}\n${decodeSafe(r.url)}\n${r.postData || ''}`;
      return hay.includes(s);
    });
    return carries || !(OWN.test(r.url) || r.fixture);
  });
}

function decodeSafe(u) { try { return decodeURIComponent(u.replace(/\+/g, ' ')); } catch { return u; } }
