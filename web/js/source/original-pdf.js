/**
 * The original PDF page, rendered in the browser with pdf.js (loaded from our own origin only when needed), with
 * the quote highlighted: matched text items get translucent marker rectangles drawn over the page, and the
 * matched text is repeated below the canvas in a <mark>, because a canvas says nothing to a screen reader.
 * Previous/next and a page number move through the document; zoom steps enlarge the page inside its own
 * scrolling frame, and the zoom stays as chosen from page to page.
 */
import { fileBytes } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { strings } from '../strings.js';
import { matchItems } from './pdf-match.js';

const PDFJS = '/vendor/pdfjs/';
/** @type {Promise<any> | null} */
let library = null;
/** @type {{ documentId: string, pdf: Promise<any> } | null} */
let cached = null;

/** Zoom steps, as multiples of the width that fits the panel. */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
/** Most canvas pixels drawn for one page, whatever the zoom (memory on phones). */
const MAX_CANVAS_PIXELS = 16_000_000;
let zoom = 1;

function pdfjs() {
  library ??= import(`${PDFJS}build/pdf.min.mjs`).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = `${PDFJS}build/pdf.worker.min.mjs`;
    return lib;
  });
  return library;
}

/** @param {string} documentId */
async function open(documentId) {
  if (cached?.documentId !== documentId) {
    // The bytes come through the API client rather than pdf.js's own loader, so the access code goes along and
    // a 401 asks for it like any other request (the server sends whole files anyway, no ranges).
    const pdf = Promise.all([pdfjs(), fileBytes(documentId)]).then(([lib, data]) =>
      // No eval (the CSP forbids it anyway) and no WebAssembly decoders: pure JS paths only.
      lib.getDocument({ data, isEvalSupported: false, useWasm: false, cMapUrl: `${PDFJS}cmaps/`, cMapPacked: true, standardFontDataUrl: `${PDFJS}standard_fonts/` }).promise);
    cached = { documentId, pdf };
    pdf.catch(() => {
      if (cached?.pdf === pdf) cached = null;
    });
  }
  return cached.pdf;
}

/**
 * Draws marker rectangles over the matched parts of text items.
 * @param {CanvasRenderingContext2D} context
 * @param {any} lib
 * @param {any} viewport
 * @param {any[]} items
 * @param {import('./pdf-match.js').ItemRange[]} ranges
 */
function drawHighlights(context, lib, viewport, items, ranges) {
  context.save();
  context.globalCompositeOperation = 'multiply';
  context.fillStyle = 'rgba(255, 210, 0, 0.55)';
  for (const range of ranges) {
    const item = items[range.item];
    const tx = lib.Util.transform(viewport.transform, item.transform);
    const fontHeight = Math.hypot(tx[2], tx[3]);
    const width = item.width * viewport.scale;
    const length = Math.max(1, item.str.length);
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.translate(tx[4], tx[5]);
    context.rotate(Math.atan2(tx[1], tx[0]));
    context.fillRect((width * range.from) / length, -fontHeight * 0.9, (width * (range.to - range.from)) / length, fontHeight * 1.15);
  }
  context.restore();
}

/**
 * Renders one page with the quote highlighted into `container`.
 * @param {HTMLElement} container
 * @param {{ documentId: string, page: number, quotes: string[] }} source
 */
export async function showPdfPage(container, source) {
  const text = strings();
  const lib = await pdfjs();
  const pdf = await open(source.documentId);
  const pageNumber = Math.min(Math.max(1, source.page), pdf.numPages);
  const page = await pdf.getPage(pageNumber);
  const fitWidth = Math.max(280, container.clientWidth || 600);
  const natural = page.getViewport({ scale: 1 });
  const cssScale = (fitWidth / natural.width) * zoom;
  const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_CANVAS_PIXELS / (natural.width * natural.height * cssScale * cssScale)));
  const viewport = page.getViewport({ scale: cssScale * ratio });
  const canvas = h('canvas', { class: 'pdf-canvas', attrs: { width: Math.floor(viewport.width), height: Math.floor(viewport.height), role: 'img', 'aria-label': text.pdfCanvasLabel(pageNumber) } });
  // The canvas's CSS width is the zoomed width; its pixels may be more (a sharp page on high-density screens).
  if (zoom !== 1) canvas.classList.add('pdf-canvas-zoomed');
  canvas.dataset.cssWidth = String(Math.round(natural.width * cssScale));
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  await page.render({ canvasContext: context, canvas, viewport }).promise;
  const { items } = await page.getTextContent();
  const matches = source.quotes.map((quote) => matchItems(items, quote)).filter((m) => m.ranges.length > 0);
  const ranges = matches.flatMap((m) => m.ranges);
  drawHighlights(context, lib, viewport, items, ranges);
  const marked = matches.map((m) => m.ranges.map((r) => items[r.item].str.slice(r.from, r.to)).join(' ').replace(/\s+/g, ' ').trim());
  const note = source.quotes.length === 0 ? null : marked.length
    ? h('p', { class: 'pdf-highlight-text' }, text.highlightedOnPage, ' ', marked.map((part) => h('mark', { text: part })))
    : h('p', { class: 'pdf-highlight-text', text: text.quoteNotOnPage });
  const navigation = pageNavigation(container, source, pageNumber, pdf.numPages);
  const frame = h('div', { class: 'pdf-page', attrs: { 'data-page': pageNumber, 'data-highlights': ranges.length, 'data-zoom': zoom, tabindex: zoom > 1 ? '0' : null, 'aria-label': zoom > 1 ? text.pdfCanvasLabel(pageNumber) : null, role: zoom > 1 ? 'region' : null } }, canvas);
  replaceChildren(container, navigation, frame, note);
  sizeCanvas(canvas);
}

/**
 * Gives the canvas its zoomed CSS width through the CSSOM, which the CSP allows (a style attribute it would
 * not); at zoom 1 the stylesheet's width: 100% applies.
 * @param {HTMLCanvasElement} canvas
 */
function sizeCanvas(canvas) {
  if (zoom !== 1) canvas.style.width = `${canvas.dataset.cssWidth}px`;
}

/**
 * @param {HTMLElement} container
 * @param {{ documentId: string, page: number, quotes: string[] }} source
 * @param {number} pageNumber
 * @param {number} count
 */
function pageNavigation(container, source, pageNumber, count) {
  const text = strings();
  const go = (/** @type {number} */ next) => showPdfPage(container, { ...source, page: next }).then(() => {
    // The rebuilt controls replace the pressed button; keep focus on the same control, or its twin at the ends.
    const buttons = /** @type {HTMLButtonElement[]} */ ([...container.querySelectorAll('.pdf-navigation button')]);
    const same = buttons[next < pageNumber ? 0 : 1];
    (same && !same.disabled ? same : buttons.find((b) => !b.disabled))?.focus();
  }).catch(() => replaceChildren(container, h('p', { class: 'error-text', text: text.pdfFailed })));
  const jump = h('input', { class: 'pdf-jump-input', attrs: { id: 'pdf-jump', type: 'number', min: 1, max: count, value: pageNumber, inputmode: 'numeric' } });
  const goTo = h('form', { class: 'pdf-jump', on: { submit: (event) => {
    event.preventDefault();
    const wanted = Math.round(Number(jump.value));
    if (Number.isFinite(wanted) && wanted >= 1 && wanted <= count && wanted !== pageNumber) go(wanted);
  } } }, h('label', { attrs: { for: 'pdf-jump' }, text: text.goToPage }), jump, h('button', { class: 'button-secondary', attrs: { type: 'submit' }, text: text.goButton }));
  return h('div', { class: 'pdf-toolbar' },
    h('div', { class: 'pdf-navigation' },
      h('button', { class: 'button-secondary pdf-previous', attrs: { type: 'button', disabled: pageNumber <= 1 }, text: `‹ ${text.previousPage}`, on: { click: () => go(pageNumber - 1) } }),
      h('span', { class: 'pdf-page-status', attrs: { 'aria-live': 'polite' }, text: text.pdfPage(pageNumber, count) }),
      h('button', { class: 'button-secondary pdf-next', attrs: { type: 'button', disabled: pageNumber >= count }, text: `${text.nextPage} ›`, on: { click: () => go(pageNumber + 1) } })),
    goTo, zoomControls(container, source, pageNumber));
}

/**
 * Zoom out, the zoom level, zoom in and back to the panel's width.
 * @param {HTMLElement} container
 * @param {{ documentId: string, page: number, quotes: string[] }} source
 * @param {number} pageNumber
 */
function zoomControls(container, source, pageNumber) {
  const text = strings();
  const index = ZOOM_STEPS.indexOf(zoom);
  const set = (/** @type {number} */ next, /** @type {string} */ keep) => {
    zoom = next;
    showPdfPage(container, { ...source, page: pageNumber }).then(() => {
      const same = /** @type {HTMLButtonElement | null} */ (container.querySelector(keep));
      (same && !same.disabled ? same : /** @type {HTMLElement | null} */ (container.querySelector('.pdf-zoom button:not([disabled])')))?.focus();
    }).catch(() => replaceChildren(container, h('p', { class: 'error-text', text: text.pdfFailed })));
  };
  return h('div', { class: 'pdf-zoom', attrs: { role: 'group', 'aria-label': text.zoomLabel } },
    h('button', { class: 'button-secondary pdf-zoom-out', attrs: { type: 'button', 'aria-label': text.zoomOut, disabled: index <= 0 }, text: '−', on: { click: () => set(ZOOM_STEPS[index - 1] ?? zoom, '.pdf-zoom-out') } }),
    h('span', { class: 'pdf-zoom-level', attrs: { 'aria-live': 'polite' }, text: `${Math.round(zoom * 100)}%` }),
    h('button', { class: 'button-secondary pdf-zoom-in', attrs: { type: 'button', 'aria-label': text.zoomIn, disabled: index >= ZOOM_STEPS.length - 1 }, text: '+', on: { click: () => set(ZOOM_STEPS[index + 1] ?? zoom, '.pdf-zoom-in') } }),
    h('button', { class: 'button-secondary pdf-zoom-fit', attrs: { type: 'button', disabled: zoom === 1 }, text: text.zoomFit, on: { click: () => set(1, '.pdf-zoom-fit') } }));
}
