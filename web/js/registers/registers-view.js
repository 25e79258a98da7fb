/**
 * The registers page: deelopdrachten, budgets and mandates across all documents, as three tabs over one table
 * that can be filtered and sorted, each value opening its passage in the source panel with the value marked, and a
 * CSV export of the whole register. The choices last while the page is open, so coming back keeps them.
 */
import { getBlob, getJson, userMessage } from '../api.js';
import { announce, h, replaceChildren } from '../dom.js';
import { strings } from '../strings.js';
import { COLUMNS, filterRows, registerRows, sortRows } from './register-model.js';
import { registerTable } from './register-table.js';

/** @typedef {import('./register-model.js').RegisterKind} RegisterKind */
/** @typedef {import('./register-table.js').SortChoice} SortChoice */

/** The page's hash per register, Dutch like the other routes. */
export const REGISTER_SLUGS = /** @type {const} */ ({ deelopdrachten: 'deelopdrachten', budgets: 'budgetten', mandates: 'mandaten' });
const KINDS = /** @type {RegisterKind[]} */ (Object.keys(REGISTER_SLUGS));
const RELEASE_AFTER_MS = 60_000;

const choice = { query: '', conflictsOnly: false, /** @type {Record<string, SortChoice>} */ sort: {} };

/** @param {{ openPassage: (passage: any, opener: HTMLElement) => void }} panel */
function sourceOpener(panel) {
  return async (/** @type {import('./register-model.js').Source} */ source, /** @type {HTMLElement} */ opener) => {
    try {
      const { passage } = await getJson(`/api/passages/${encodeURIComponent(source.passageId)}`);
      panel.openPassage({ ...passage, passageId: passage.id, section: passage.section.join(' › '), spans: [{ start: source.start, end: source.end }] }, opener);
    } catch (error) {
      announce(`${strings().errorPrefix} ${userMessage(error)}`);
    }
  };
}

/** @param {RegisterKind} kind */
async function downloadCsv(kind) {
  try {
    const url = URL.createObjectURL(await getBlob(`/api/registers/${kind}?format=csv`));
    h('a', { attrs: { href: url, download: `${kind}.csv` } }).click();
    window.setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
  } catch (error) {
    announce(`${strings().errorPrefix} ${userMessage(error)}`);
  }
}

/**
 * Tabs with the arrow keys moving between them, as the ARIA tabs pattern has it. A tab is a link (it can be opened
 * in a new tab); followed here, it swaps the table in place and keeps focus on the tab.
 * @param {RegisterKind} current @param {(kind: RegisterKind) => void} onSelect
 */
function tabList(current, onSelect) {
  const text = strings();
  const tabs = KINDS.map((kind) => h('a', {
    class: 'register-tab',
    attrs: { role: 'tab', id: `register-tab-${kind}`, href: `#/registers/${REGISTER_SLUGS[kind]}`, 'aria-selected': String(kind === current), 'aria-controls': 'register-panel', tabindex: kind === current ? '0' : '-1' },
    text: text.registerTabs[kind],
    on: { click: (event) => { event.preventDefault(); onSelect(kind); } },
  }));
  const list = h('div', { class: 'register-tabs', attrs: { role: 'tablist', 'aria-label': text.registersTitle } }, tabs);
  list.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(/** @type {any} */ (document.activeElement));
    const step = { ArrowRight: 1, ArrowLeft: -1 }[/** @type {KeyboardEvent} */ (event).key];
    if (index < 0 || !step) return;
    event.preventDefault();
    onSelect(KINDS[(index + step + KINDS.length) % KINDS.length] ?? current);
  });
  return list;
}

/**
 * Renders the register `kind` into `container`; returns the heading to focus.
 * @param {HTMLElement} container
 * @param {{ openPassage: (passage: any, opener: HTMLElement) => void }} panel
 * @param {RegisterKind} kind
 */
export async function showRegisters(container, panel, kind) {
  const text = strings();
  const title = h('h1', { class: 'view-title', attrs: { tabindex: '-1' }, text: text.registersTitle });
  const area = h('div', { class: 'register-panel', attrs: { id: 'register-panel', role: 'tabpanel', 'aria-labelledby': `register-tab-${kind}` } }, h('p', { class: 'loading', text: text.loading }));
  const select = async (/** @type {RegisterKind} */ next) => {
    // The hash follows the tab without a navigation, which would move focus to the page title.
    history.replaceState(null, '', `#/registers/${REGISTER_SLUGS[next]}`);
    await showRegisters(container, panel, next);
    /** @type {HTMLElement | null} */ (container.querySelector(`#register-tab-${next}`))?.focus();
  };
  replaceChildren(container, title, h('p', { class: 'intro', text: text.registersIntro }), tabList(kind, select), area);
  try {
    const body = await getJson(`/api/registers/${kind}`);
    const rows = registerRows(kind, body);
    const titleOf = (/** @type {string} */ id) => body.documents[id]?.title ?? id;
    const table = h('div', { class: 'register-table-area' });
    const count = h('p', { class: 'document-count', attrs: { role: 'status' } });
    const render = () => {
      const sort = choice.sort[kind] ?? null;
      const columns = COLUMNS[kind];
      const shown = sortRows(filterRows(rows, choice.query, choice.conflictsOnly), columns.find((c) => c.key === sort?.key) ?? null, sort?.direction ?? 'ascending');
      count.textContent = text.registerShown(shown.length, rows.length);
      const onSort = (/** @type {string} */ key) => {
        choice.sort[kind] = { key, direction: sort?.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending' };
        render();
        /** @type {HTMLElement | null} */ (table.querySelector(`th[data-column="${key}"] button`))?.focus();
      };
      replaceChildren(table, rows.length === 0 ? h('p', { class: 'empty-result', text: text.registerEmpty })
        : registerTable(columns, shown, { sort, onSort, openSource: sourceOpener(panel), titleOf, caption: text.registerTabs[kind] }));
    };
    replaceChildren(area, controls(kind, render), count, table);
    render();
  } catch (error) {
    replaceChildren(area, h('p', { class: 'error-text', attrs: { role: 'alert' }, text: `${text.errorPrefix} ${userMessage(error)}` }));
  }
  return title;
}

/** The filter field, the conflicts-only switch and the CSV export. @param {RegisterKind} kind @param {() => void} onChange */
function controls(kind, onChange) {
  const text = strings();
  const search = h('input', { attrs: { id: 'register-filter', type: 'search', value: choice.query, autocomplete: 'off' }, on: { input: () => { choice.query = search.value; onChange(); } } });
  const conflicts = h('input', { attrs: { id: 'register-conflicts', type: 'checkbox', checked: choice.conflictsOnly }, on: { change: () => { choice.conflictsOnly = conflicts.checked; onChange(); } } });
  const csv = h('button', { class: 'button-secondary register-csv', attrs: { type: 'button' }, text: text.registerCsv, on: { click: () => downloadCsv(kind) } });
  return h('form', { class: 'register-controls', attrs: { role: 'search', 'aria-label': text.registerFilterLabel }, on: { submit: (event) => event.preventDefault() } },
    h('div', { class: 'field' }, h('label', { attrs: { for: 'register-filter' }, text: text.registerFilter }), search),
    h('div', { class: 'field field-check' }, conflicts, h('label', { attrs: { for: 'register-conflicts' }, text: text.registerConflictsOnly })),
    csv);
}
