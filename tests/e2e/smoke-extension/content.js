// Marks the page and highlights the first word of the composer's placeholder-free text once typed.
document.documentElement.dataset.postscrubSmoke = 'injected';
const host = document.createElement('div');
host.id = 'postscrub-smoke-ui';
host.attachShadow({ mode: 'open' }).innerHTML = '<span class="ps-smoke">smoke</span>';
document.documentElement.appendChild(host);
document.addEventListener('input', () => {
  const el = document.querySelector('[contenteditable="true"]');
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode();
  if (!node || node.data.length < 4) return;
  const range = new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 4 });
  CSS.highlights.set('postscrub-smoke', new Highlight(range));
  document.documentElement.dataset.postscrubSmokeHighlight = String(CSS.highlights.size);
}, true);
