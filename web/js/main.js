/**
 * Starting the web app: the access-code and admin-token prompts, the views, the source panel, hash routing and
 * the language switch. Views are built once and re-render their texts when the language changes; only the
 * documents and conversations pages are rebuilt per visit.
 */
import { adminAccess, setAccessPrompt } from './access.js';
import { createAccessDialog } from './access-dialog.js';
import { createAdminView } from './admin/admin-view.js';
import { checkAccessCode, checkAdminCode, getJson } from './api.js';
import { createChatView } from './chat/chat-view.js';
import { showDocument } from './documents/document-reader.js';
import { showDocuments } from './documents/documents-view.js';
import { h, must, replaceChildren } from './dom.js';
import { showHistory } from './history/history-view.js';
import { createLocateView } from './locate-view.js';
import { showRegisters } from './registers/registers-view.js';
import { parseRoute } from './router.js';
import { createSourcePanel } from './source/source-panel.js';
import { applyStaticStrings, language, onLanguageChange, setLanguage, strings } from './strings.js';

/** @typedef {import('./router.js').Route} Route */

// Before any view fetches: the first 401 (the document list, when the server has a READ_TOKEN) asks for the code.
setAccessPrompt(createAccessDialog(checkAccessCode));
adminAccess.setPrompt(createAccessDialog(checkAdminCode, { id: 'admin-access', title: 'adminCodeTitle', intro: 'adminCodeIntro', label: 'adminCodeLabel', empty: 'adminCodeEmpty', wrong: 'adminCodeWrong', expired: 'adminCodeExpired' }));
const panel = createSourcePanel();
const chat = createChatView(panel);
const locate = createLocateView(panel);
const admin = createAdminView();
const pages = h('section', { class: 'view view-documents' });
const main = must('#main');
main.append(chat.element, pages, locate.element, admin.element);

/** Views built once, shown and hidden; every other route renders into `pages`. */
const KEPT = new Set(['chat', 'locate', 'admin']);

/** @type {Route} */
let route = { view: 'chat' };

/**
 * Opens the source panel over the chat on a passage an answer given over the API links to; an unknown passage
 * shows the "not found" page.
 * @param {string} id
 */
async function openLinkedPassage(id) {
  try {
    const { passage } = await getJson(`/api/passages/${encodeURIComponent(id)}`);
    panel.openPassage({ ...passage, passageId: passage.id, section: passage.section.join(' › ') }, main);
  } catch {
    show({ view: 'missing' }, true);
  }
}

/** @param {Route} next @param {boolean} moveFocus */
async function show(next, moveFocus) {
  if (next.view === 'passage') {
    openLinkedPassage(next.id);
    next = { view: 'chat' };
  }
  route = next;
  const text = strings();
  chat.element.hidden = next.view !== 'chat';
  locate.element.hidden = next.view !== 'locate';
  admin.element.hidden = next.view !== 'admin';
  pages.hidden = KEPT.has(next.view);
  const section = next.view === 'document' ? 'documents' : next.view;
  for (const link of document.querySelectorAll('.app-nav a[data-route]')) {
    if (link.getAttribute('data-route') === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  /** @type {HTMLElement | null} */
  let target = null;
  if (next.view === 'chat') {
    document.title = 'Grip';
    if (moveFocus) chat.focus();
    return;
  }
  if (next.view === 'locate') {
    document.title = `${text.locateTitle} — Grip`;
    target = /** @type {HTMLElement} */ (must('#locate-title'));
  } else if (next.view === 'admin') {
    document.title = `${text.adminTitle} — Grip`;
    target = /** @type {HTMLElement} */ (must('#admin-title'));
    if (moveFocus) target.focus();
    await admin.show();
  } else if (next.view === 'history') {
    document.title = `${text.historyTitle} — Grip`;
    target = await showHistory(pages, chat);
  } else if (next.view === 'documents') {
    document.title = `${text.documentsTitle} — Grip`;
    target = await showDocuments(pages);
  } else if (next.view === 'registers') {
    document.title = `${text.registersTitle} — Grip`;
    target = await showRegisters(pages, panel, next.kind);
  } else if (next.view === 'document') {
    target = await showDocument(pages, next.id, next.section);
    document.title = `${target.textContent ?? ''} — Grip`;
  } else {
    document.title = `${text.notFoundPage} — Grip`;
    target = h('h1', { class: 'view-title', attrs: { tabindex: '-1' }, text: text.notFoundPage });
    replaceChildren(pages, target, h('p', {}, h('a', { attrs: { href: '#/' }, text: text.navChat })));
  }
  // Moving focus to the new view's heading tells screen-reader users the page changed.
  if (moveFocus && route === next) target?.focus();
}

function renderLanguage() {
  const toggle = must('#language-toggle');
  toggle.setAttribute('lang', language() === 'nl' ? 'en' : 'nl');
  applyStaticStrings();
}

must('#language-toggle').addEventListener('click', () => setLanguage(language() === 'nl' ? 'en' : 'nl'));
onLanguageChange(() => {
  renderLanguage();
  chat.render();
  locate.render();
  admin.render();
  panel.render();
  if (!KEPT.has(route.view)) show(route, false);
});
must('.skip-link').addEventListener('click', (event) => {
  // The skip link must not change the hash: that is the router's.
  event.preventDefault();
  /** @type {HTMLElement} */ (main).focus();
});
window.addEventListener('hashchange', () => {
  const next = parseRoute(location.hash);
  if (next) show(next, true);
});

document.documentElement.lang = language();
renderLanguage();
show(parseRoute(location.hash) ?? { view: 'chat' }, false);
