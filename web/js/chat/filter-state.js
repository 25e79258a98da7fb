/**
 * Filters as data: the ones the user chose, whether the question's own mentions may filter, and the chips both
 * kinds become. A filter the question named shows as a chip marked "herkend in de vraag"; removing it re-asks
 * without detection and keeps the other detected filters by making them explicit.
 */

/**
 * @typedef {object} FilterState
 * @property {string[]} docType
 * @property {string[]} documentId
 * @property {number | null} yearFrom
 * @property {number | null} yearTo
 * @property {boolean} detect apply filters the question names (off once the user removed one)
 */

/**
 * @typedef {object} Chip
 * @property {string} key unique per chip
 * @property {'docType' | 'documentId' | 'yearFrom' | 'yearTo' | 'year'} kind
 * @property {string | number} value
 * @property {boolean} detected
 */

/** @returns {FilterState} */
export function createFilterState() {
  return { docType: [], documentId: [], yearFrom: null, yearTo: null, detect: true };
}

/**
 * The request fields for the state.
 * @param {FilterState} state
 */
export function requestFilters(state) {
  /** @type {Record<string, unknown>} */
  const filters = {};
  if (state.docType.length) filters.docType = [...state.docType];
  if (state.documentId.length) filters.documentId = [...state.documentId];
  if (state.yearFrom !== null) filters.yearFrom = state.yearFrom;
  if (state.yearTo !== null) filters.yearTo = state.yearTo;
  return { ...(Object.keys(filters).length ? { filters } : {}), ...(state.detect ? {} : { detectFilters: false }) };
}

/**
 * What the question itself named and the server applied, beyond the explicit filters.
 * @param {FilterState} state
 * @param {any} query the `query` of the latest answer
 * @returns {{ docType: string[], documentId: string[], year: number[] }}
 */
export function detectedOf(state, query) {
  const detected = query?.filters?.detected;
  if (!detected || !state.detect) return { docType: [], documentId: [], year: [] };
  const applied = query.filters;
  return {
    docType: detected.docTypes.filter((/** @type {string} */ type) => applied.docTypes?.includes(type) && !state.docType.includes(type)),
    documentId: detected.documentIds.filter((/** @type {string} */ id) => applied.documentIds?.includes(id) && !state.documentId.includes(id)),
    year: detected.years,
  };
}

/**
 * The chips to show: explicit filters, then the ones detected in the latest question.
 * @param {FilterState} state
 * @param {any} query
 * @returns {Chip[]}
 */
export function chipsOf(state, query) {
  const detected = detectedOf(state, query);
  return [
    ...state.docType.map((value) => ({ kind: 'docType', value, detected: false })),
    ...state.documentId.map((value) => ({ kind: 'documentId', value, detected: false })),
    ...(state.yearFrom !== null ? [{ kind: 'yearFrom', value: state.yearFrom, detected: false }] : []),
    ...(state.yearTo !== null ? [{ kind: 'yearTo', value: state.yearTo, detected: false }] : []),
    ...detected.docType.map((value) => ({ kind: 'docType', value, detected: true })),
    ...detected.documentId.map((value) => ({ kind: 'documentId', value, detected: true })),
    ...detected.year.map((value) => ({ kind: 'year', value, detected: true })),
  ].map((chip) => /** @type {Chip} */ ({ ...chip, key: `${chip.detected ? 'detected' : 'chosen'}:${chip.kind}:${chip.value}` }));
}

/**
 * Sets an explicit filter from a form control; an empty value clears it.
 * @param {FilterState} state
 * @param {'docType' | 'documentId' | 'yearFrom' | 'yearTo'} kind
 * @param {string} value
 */
export function setFilter(state, kind, value) {
  if (kind === 'yearFrom' || kind === 'yearTo') state[kind] = value ? Number(value) : null;
  else state[kind] = value ? [value] : [];
}

/**
 * Removes a chip. For a detected chip, detection is switched off and the other detected document types and
 * documents stay as explicit filters; the caller then re-asks.
 * @param {FilterState} state
 * @param {Chip} chip
 * @param {any} query the latest answer's query, for the other detected filters
 */
export function removeChip(state, chip, query) {
  if (chip.detected) {
    const detected = detectedOf(state, query);
    state.docType.push(...detected.docType.filter((value) => !(chip.kind === 'docType' && value === chip.value)));
    state.documentId.push(...detected.documentId.filter((value) => !(chip.kind === 'documentId' && value === chip.value)));
    state.detect = false;
  } else if (chip.kind === 'yearFrom' || chip.kind === 'yearTo') {
    state[chip.kind] = null;
  } else if (chip.kind === 'docType' || chip.kind === 'documentId') {
    state[chip.kind] = state[chip.kind].filter((value) => value !== chip.value);
  }
}
