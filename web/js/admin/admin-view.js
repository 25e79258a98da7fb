/**
 * The admin page (#/beheer): adding documents, deleting them and reading feedback, behind the admin token.
 * The token is asked for the way the access code is — a dialog on the first 401, kept for the tab — and a
 * server without ADMIN_TOKEN says so here instead of showing controls that cannot work. The page is built once,
 * so uploads under way keep going while the user reads elsewhere in the app.
 */
import { adminAccess } from '../access.js';
import { adminRequest, ApiError, invalidateDocuments } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { strings } from '../strings.js';
import { createAdminDocuments } from './admin-documents.js';
import { createFeedbackList } from './feedback-list.js';
import { createUploadPanel } from './upload-panel.js';

export function createAdminView() {
  const title = h('h1', { class: 'view-title', attrs: { id: 'admin-title', tabindex: '-1' } });
  const intro = h('p', { class: 'intro' });
  const gate = h('div', { class: 'admin-gate' });
  const documents = createAdminDocuments({ onChanged: changed });
  const upload = createUploadPanel({ onChanged: changed });
  const feedback = createFeedbackList();
  const sections = h('div', { class: 'admin-sections' }, upload.element, documents.element, feedback.element);
  const signOut = h('button', { class: 'button-secondary', attrs: { type: 'button' }, on: { click: () => { adminAccess.forget(); show(); } } });
  const element = h('section', { class: 'view view-admin', attrs: { 'aria-labelledby': 'admin-title' } }, title, intro, gate, sections, h('p', {}, signOut));
  /** @type {'unknown' | 'open' | 'locked' | 'disabled'} */
  let state = 'unknown';
  let disabledMessage = '';

  function changed() {
    // The chat's filters and the documents page read the list again.
    invalidateDocuments();
    documents.refresh();
  }

  /** Checks the admin token with the server (asking for it on a 401) and loads the page's data. */
  async function show() {
    try {
      await adminRequest('/api/feedback?limit=1');
      state = 'open';
    } catch (error) {
      state = error instanceof ApiError && error.code === 'forbidden' ? 'disabled' : 'locked';
      disabledMessage = error instanceof Error ? error.message : '';
    }
    render();
    if (state === 'open') await Promise.all([documents.refresh(), feedback.refresh()]);
  }

  function render() {
    const text = strings();
    title.textContent = text.adminTitle;
    intro.textContent = text.adminIntro;
    signOut.textContent = text.adminSignOut;
    signOut.hidden = state !== 'open';
    sections.hidden = state !== 'open';
    if (state === 'disabled') replaceChildren(gate, h('p', { class: 'notice-detail admin-disabled', text: `${text.adminDisabled} ${disabledMessage}` }));
    else if (state === 'locked') replaceChildren(gate, h('p', { text: text.adminNeeded }), h('button', { class: 'button-primary', attrs: { type: 'button' }, text: text.adminEnterCode, on: { click: () => show() } }));
    else replaceChildren(gate);
    upload.render();
    documents.render();
    feedback.render();
  }

  render();
  return { element, show, render, focus: () => title.focus() };
}
