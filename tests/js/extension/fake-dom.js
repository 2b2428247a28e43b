// A tiny DOM stand-in for the pure content-script logic: nodeType, nodeName, data, childNodes, parentNode,
// nextSibling, firstChild, closest(). Enough for the text map and the adapters' element tests.
'use strict';
class Node {
  constructor(nodeType, nodeName, data) { this.nodeType = nodeType; this.nodeName = nodeName; this.data = data; this.childNodes = []; this.parentNode = null; this.attrs = {}; }
  get firstChild() { return this.childNodes[0] || null; }
  get nextSibling() { if (!this.parentNode) return null; const k = this.parentNode.childNodes; return k[k.indexOf(this) + 1] || null; }
  get parentElement() { return this.parentNode && this.parentNode.nodeType === 1 ? this.parentNode : null; }
  append(...kids) { for (const k of kids) { k.parentNode = this; this.childNodes.push(k); } return this; }
  getAttribute(n) { return n in this.attrs ? this.attrs[n] : null; }
  closest(pred) { for (let n = this; n; n = n.parentNode) if (n.nodeType === 1 && pred(n)) return n; return null; }
}
const el = (name, attrs, ...kids) => {
  const n = new Node(1, name.toUpperCase());
  if (attrs instanceof Node || typeof attrs === 'string') kids.unshift(attrs); else if (attrs) Object.assign(n.attrs, attrs);
  return n.append(...kids.map((k) => (typeof k === 'string' ? txt(k) : k)));
};
const txt = (s) => new Node(3, '#text', s);
module.exports = { Node, el, txt };
