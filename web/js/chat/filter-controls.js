/**
 * The filter form and the chips. One select per kind holds the chosen value (arrow keys in a closed select
 * change it at once, so selects must not add a chip per key press); chips show every active filter, the ones
 * the question named marked "herkend in de vraag", each with its own remove button.
 */
import { h, replaceChildren } from '../dom.js';
import { strings } from '../strings.js';

/** @typedef {import('./filter-state.js').Chip} Chip */
/** @typedef {'docType' | 'documentId' | 'yearFrom' | 'yearTo'} FilterKind */

/**
 * @param {Chip} chip
 * @param {Map<string, string>} titles document titles by id
 */
export function chipLabel(chip, titles) {
  const text = strings();
  if (chip.kind === 'docType') return text.chipDocType(String(chip.value));
  if (chip.kind === 'documentId') return text.chipDocument(titles.get(String(chip.value)) ?? String(chip.value));
  if (chip.kind === 'yearFrom') return text.chipYearFrom(chip.value);
  if (chip.kind === 'yearTo') return text.chipYearTo(chip.value);
  return text.chipYear(chip.value);
}

/**
 * @param {string} id
 * @param {string} label
 * @param {{ value: string, label: string }[]} options
 * @param {string} selected
 * @param {(value: string) => void} onChange
 */
function selectField(id, label, options, selected, onChange) {
  const select = h('select', { attrs: { id, name: id }, on: { change: () => onChange(select.value) } },
    h('option', { attrs: { value: '' }, text: strings().anyChoice }),
    options.map((option) => h('option', { attrs: { value: option.value, selected: option.value === selected }, text: option.label })));
  return h('div', { class: 'field' }, h('label', { attrs: { for: id }, text: label }), select);
}

/**
 * Builds the filter area.
 * @param {{ onSet: (kind: FilterKind, value: string) => void, onRemove: (chip: Chip) => void }} handlers
 */
export function createFilterControls(handlers) {
  const details = h('details', { class: 'filter-choices' });
  const chips = h('ul', { class: 'chips' });
  const element = h('div', { class: 'filters' }, details, chips);

  /**
   * @param {import('./filter-state.js').FilterState} state
   * @param {Chip[]} activeChips
   * @param {any[]} documents
   * @param {boolean} [withFields] false while the user is in a select: rebuilding it would drop their focus
   */
  function render(state, activeChips, documents, withFields = true) {
    const text = strings();
    const titles = new Map(documents.map((d) => [d.documentId, d.title]));
    const types = [...new Set(documents.map((d) => d.docType))].sort();
    const years = [...new Set(documents.map((d) => d.year).filter((y) => typeof y === 'number'))].sort((a, b) => a - b);
    const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
    chips.setAttribute('aria-label', text.activeFilters);
    chips.hidden = activeChips.length === 0;
    replaceChildren(chips, activeChips.map((chip) => chipElement(chip, chipLabel(chip, titles), handlers.onRemove)));
    if (!withFields) return;
    const wasOpen = details.open;
    replaceChildren(details,
      h('summary', { text: text.filtersTitle }),
      h('p', { class: 'hint', text: text.filtersHint }),
      h('div', { class: 'filter-fields' },
        selectField('filter-doctype', text.docTypeLabel, types.map((t) => ({ value: t, label: t })), state.docType.length === 1 ? state.docType[0] ?? '' : '', (v) => handlers.onSet('docType', v)),
        selectField('filter-year-from', text.yearFromLabel, yearOptions, state.yearFrom === null ? '' : String(state.yearFrom), (v) => handlers.onSet('yearFrom', v)),
        selectField('filter-year-to', text.yearToLabel, yearOptions, state.yearTo === null ? '' : String(state.yearTo), (v) => handlers.onSet('yearTo', v)),
        selectField('filter-document', text.documentLabel, documents.map((d) => ({ value: d.documentId, label: d.title })), state.documentId.length === 1 ? state.documentId[0] ?? '' : '', (v) => handlers.onSet('documentId', v))));
    details.open = wasOpen;
  }
  return { element, render };
}

/**
 * @param {Chip} chip
 * @param {string} label
 * @param {(chip: Chip) => void} onRemove
 */
function chipElement(chip, label, onRemove) {
  const text = strings();
  const fullLabel = chip.detected ? `${label} (${text.detectedNote})` : label;
  return h('li', { class: chip.detected ? 'chip chip-detected' : 'chip', attrs: { 'data-chip': chip.key } },
    h('span', { class: 'chip-label', text: label }),
    chip.detected ? h('span', { class: 'chip-note', text: text.detectedNote }) : null,
    h('button', { class: 'chip-remove', attrs: { type: 'button', 'aria-label': text.removeFilter(fullLabel) }, text: '×', on: { click: () => onRemove(chip) } }));
}
