/**
 * The conversations page (#/gesprekken): every conversation kept in this browser, to reopen, rename, export,
 * share or delete, and a shared conversation file to import. Renaming and deleting happen in place, with the
 * deletion asked once more, so nothing is lost by a slip.
 */
import { copyText, downloadText } from '../clipboard.js';
import { announce, h, replaceChildren } from '../dom.js';
import { conversationAsMarkdown } from '../source-line.js';
import { formatDateTime, strings } from '../strings.js';
import { conversationFile, readConversationFile } from './conversation-file.js';
import { conversationTitle, deleteConversation, getConversation, listConversations, persistent, saveConversation } from './conversation-store.js';

/** @typedef {import('./conversation-store.js').StoredConversation} StoredConversation */
/** @typedef {{ open: (id: string) => Promise<boolean>, forget: (id: string) => void }} ChatControl */

/** A file name from a conversation's title. @param {StoredConversation} conversation @param {string} extension */
function fileName(conversation, extension) {
  const slug = conversationTitle(conversation, 'gesprek').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
  return `grip-${slug || 'gesprek'}-${conversation.updatedAt.slice(0, 10)}.${extension}`;
}

/**
 * Renders the page into `container`; returns its heading.
 * @param {HTMLElement} container
 * @param {ChatControl} chat
 */
export async function showHistory(container, chat) {
  const text = strings();
  const title = h('h1', { class: 'view-title', attrs: { tabindex: '-1' }, text: text.historyTitle });
  const list = h('ul', { class: 'conversation-list' });
  const status = h('p', { class: 'history-status', attrs: { role: 'status' } });
  const importInput = h('input', { attrs: { id: 'conversation-import', type: 'file', accept: '.json,application/json' } });
  importInput.addEventListener('change', () => importFile());
  const importer = h('p', { class: 'history-import' }, h('label', { attrs: { for: 'conversation-import' }, text: text.importConversation }), ' ', importInput);
  const note = (await persistent()) ? text.historyIntro : text.historyNotKept;
  replaceChildren(container, title, h('p', { class: 'intro', text: note }), importer, status, list);

  async function refresh() {
    const conversations = await listConversations().catch(() => []);
    replaceChildren(list, conversations.length ? conversations.map(item) : h('li', { class: 'empty-result', text: text.historyEmpty }));
  }

  async function importFile() {
    const file = importInput.files?.[0];
    if (!file) return;
    try {
      const conversation = readConversationFile(await file.text());
      await saveConversation(conversation);
      status.textContent = text.imported(conversationTitle(conversation, text.untitledConversation));
      await refresh();
    } catch {
      status.textContent = text.importFailed;
    }
    importInput.value = '';
  }

  /** @param {StoredConversation} conversation */
  function item(conversation) {
    const name = conversationTitle(conversation, text.untitledConversation);
    const li = h('li', { class: 'conversation-item', attrs: { 'data-conversation': conversation.id } });
    const heading = h('h2', { class: 'conversation-title' },
      h('a', { attrs: { href: '#/' }, text: name, on: { click: (event) => { event.preventDefault(); reopen(conversation.id); } } }));
    const meta = h('p', { class: 'conversation-meta', text: text.conversationMeta(conversation.turns.length, formatDateTime(conversation.updatedAt) ?? '') });
    const action = (/** @type {string} */ label, /** @type {() => void} */ run, /** @type {string} */ extra = '') =>
      h('button', { class: `button-secondary ${extra}`.trim(), attrs: { type: 'button', 'aria-label': `${label}: ${name}` }, text: label, on: { click: run } });
    const actions = h('div', { class: 'conversation-actions' },
      action(text.openConversation, () => reopen(conversation.id)),
      action(text.renameConversation, () => rename()),
      action(text.exportMarkdown, () => downloadText(fileName(conversation, 'md'), conversationAsMarkdown(conversation.turns, new Date(), name))),
      action(text.exportFile, () => downloadText(fileName(conversation, 'json'), conversationFile(conversation), 'application/json;charset=utf-8')),
      action(text.shareConversation, () => share()),
      action(text.deleteConversation, () => confirmDelete(), 'button-danger'));
    replaceChildren(li, heading, meta, actions);

    function rename() {
      const input = h('input', { attrs: { id: `rename-${conversation.id}`, type: 'text', maxlength: 200, value: conversation.title ?? name } });
      const form = h('form', { class: 'rename-form', on: { submit: async (event) => {
        event.preventDefault();
        const stored = await getConversation(conversation.id);
        if (stored) await saveConversation({ ...stored, title: input.value.trim() || null });
        await refresh();
        announce(text.renamed);
        /** @type {HTMLElement | null} */ (list.querySelector(`[data-conversation="${conversation.id}"] .conversation-title a`))?.focus();
      } } },
        h('label', { attrs: { for: input.id }, text: text.newName }), input,
        h('button', { class: 'button-primary', attrs: { type: 'submit' }, text: text.save }),
        h('button', { class: 'button-secondary', attrs: { type: 'button' }, text: text.accessCancel, on: { click: () => refresh() } }));
      replaceChildren(li, form);
      input.focus();
      input.select();
    }

    function confirmDelete() {
      const yes = h('button', { class: 'button-danger', attrs: { type: 'button' }, text: text.confirmDelete, on: { click: async () => {
        await deleteConversation(conversation.id);
        chat.forget(conversation.id);
        await refresh();
        status.textContent = text.deleted(name);
        title.focus();
      } } });
      replaceChildren(li, h('p', { class: 'confirm-question', text: text.deleteQuestion(name) }),
        h('div', { class: 'conversation-actions' }, yes, h('button', { class: 'button-secondary', attrs: { type: 'button' }, text: text.accessCancel, on: { click: () => refresh() } })));
      yes.focus();
    }

    async function share() {
      const markdown = conversationAsMarkdown(conversation.turns, new Date(), name);
      if (typeof navigator.share === 'function') {
        try {
          await navigator.share({ title: name, text: markdown });
          return;
        } catch (error) {
          if (error instanceof DOMException && error.name === 'AbortError') return;
        }
      }
      status.textContent = (await copyText(markdown)) ? text.sharedAsText : text.copyFailed;
    }
    return li;
  }

  /** @param {string} id */
  async function reopen(id) {
    if (await chat.open(id)) location.hash = '#/';
    else status.textContent = text.conversationGone;
  }

  await refresh();
  return title;
}
