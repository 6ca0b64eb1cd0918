/**
 * The small, typed slice of the DOM the clipper uses, and the one place that creates documents.
 * Node-side TypeScript has no DOM lib (core must not pretend to run in a browser), and linkedom's own
 * typings return untyped globals, so the clipper declares exactly what it relies on here.
 */
import type { parseHTML as ParseHtml } from 'linkedom';
import { lazyModule } from '../lazy-module';

/** linkedom, loaded on first use (see lazy-module.ts). */
const linkedom = lazyModule<{ parseHTML: typeof ParseHtml }>('linkedom');

/** A DOM node as linkedom implements it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}

/** A DOM element as linkedom implements it. */
export interface DomElement extends DomNode {
  readonly tagName: string;
  innerHTML: string;
  readonly outerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement> & Iterable<DomElement>;
  remove(): void;
  append(...nodes: DomNode[]): void;
  closest(selectors: string): DomElement | null;
}

/** A parsed HTML document. */
export interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  title: string;
  createElement(tagName: string): DomElement;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement> & Iterable<DomElement>;
}

/** Node.nodeType values the clipper checks. */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses a whole HTML page with linkedom (fast, no scripts ever run, no network). */
export function parseDocument(html: string): DomDocument {
  return linkedom().parseHTML(html).document as unknown as DomDocument;
}

/** Parses an HTML fragment (an article body) and returns the element that holds it. */
export function parseFragment(html: string): DomElement {
  const document = parseDocument(`<!doctype html><html><head></head><body>${html}</body></html>`);
  if (document.body === null) throw new Error('linkedom returned a document without a body');
  return document.body;
}

/** An element's text with whitespace folded to single spaces and trimmed. */
export function foldedText(element: DomNode | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
