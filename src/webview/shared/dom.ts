// Reusable webview plumbing, browser side: building DOM without innerHTML (text is always text).
// Every string child and every title/aria-label goes through hostText: names from the host
// (interfaces, namespaces, hostnames, processes) may hold newlines, escapes or bidi overrides.
import { hostText } from '../../core/text/hostText';

/** Text nodes and tooltips longer than this are cut (the details pane lists whole addresses). */
const TEXT_MAX = 2000;
/** Attributes a person reads (tooltips, screen readers); data-* and the rest are ids and stay exact. */
const READ_ATTRIBUTES = new Set(['title', 'aria-label']);
type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    const value = v === true ? '' : String(v);
    el.setAttribute(k, READ_ATTRIBUTES.has(k) ? hostText(value, TEXT_MAX) : value);
  }
}

function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(hostText(child, TEXT_MAX)) : child);
  }
}

/** A codicon (media/codicons/codicon.css), hidden from screen readers. */
export function codicon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** Sets an element's whole text (status lines, messages from the extension) as shown host text. */
export function setText(el: Element, text: string): void {
  el.textContent = hostText(text, TEXT_MAX);
}
