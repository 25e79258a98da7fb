/**
 * Building DOM nodes without HTML strings: document and answer text only ever becomes text nodes, so nothing
 * a document contains can turn into markup or script. Inline styles and handlers are refused as well, because
 * the CSP forbids them and they would fail silently in the browser.
 */

/**
 * @typedef {object} Props
 * @property {string} [class] class names
 * @property {string} [text] text content
 * @property {Record<string, string | number | boolean | null | undefined>} [attrs] attributes (false/null/undefined: left out)
 * @property {Record<string, EventListener>} [on] event listeners
 */

/** @typedef {Node | string | number | null | undefined | false | Child[]} Child */

/**
 * Creates an element.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^(?:on|style$)/i.test(name)) throw new Error(`Attribute ${name} is not allowed: use classes and listeners.`);
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) element.addEventListener(type, listener);
  if (props.text !== undefined) element.textContent = props.text;
  append(element, children);
  return element;
}

/**
 * Appends children (text, nodes, nested arrays) to a parent.
 * @param {Node} parent
 * @param {Child[]} children
 */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/**
 * Replaces all children of a parent.
 * @param {Node} parent
 * @param {...Child} children
 */
export function replaceChildren(parent, ...children) {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/**
 * Finds an element that must exist.
 * @template {Element} T
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {T}
 */
export function must(selector, root = document) {
  const element = root.querySelector(selector);
  if (!element) throw new Error(`Missing element ${selector}`);
  return /** @type {T} */ (element);
}

/**
 * Announces a message to screen readers through the page's polite live region, once.
 * @param {string} message
 */
export function announce(message) {
  const region = must('#announcer');
  // Clearing first makes a repeated identical message be read again.
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}
