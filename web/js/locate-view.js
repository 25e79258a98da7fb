/**
 * "Waar staat dit?" for researchers: paste a quote or claim, see the passages that contain it word for word
 * (the exact span marked) and the passages that support it best, each openable in the source panel.
 */
import { postJson } from './api.js';
import { announce, h, replaceChildren } from './dom.js';
import { passageBody } from './source/passage-view.js';
import { passageLine } from './source-line.js';
import { strings } from './strings.js';

/**
 * @param {{ openPassage: (passage: any, opener: HTMLElement) => void }} panel
 */
export function createLocateView(panel) {
  const title = h('h1', { class: 'view-title', attrs: { id: 'locate-title', tabindex: '-1' } });
  const intro = h('p', { class: 'intro' });
  const label = h('label', { attrs: { for: 'locate-text' } });
  const input = h('textarea', { attrs: { id: 'locate-text', name: 'text', rows: 5, maxlength: 10000 } });
  const submit = h('button', { class: 'button-primary', attrs: { type: 'submit' } });
  const results = h('div', { class: 'locate-results' });
  const form = h('form', { class: 'locate-form', on: { submit: (event) => { event.preventDefault(); locate(); } } }, label, input, h('div', {}, submit));
  const element = h('section', { class: 'view view-locate', attrs: { 'aria-labelledby': 'locate-title' } }, title, intro, form, results);

  /**
   * @param {any} passage
   * @param {import('./dom.js').Child} extra
   */
  function result(passage, extra) {
    const open = h('button', { class: 'passage-link', attrs: { type: 'button' }, text: passageLine(passage), on: { click: () => panel.openPassage(passage, open) } });
    return h('li', { class: 'result', attrs: { 'data-passage': passage.passageId } }, h('h3', { class: 'result-title' }, open), extra);
  }

  /** @param {any} body */
  function renderResults(body) {
    const text = strings();
    const exact = body.exact.map((/** @type {any} */ hit) => result(hit, [
      hit.complete ? null : h('p', { class: 'hint', text: text.partialMatch }),
      passageBody(hit, hit.spans),
    ]));
    const related = body.related.map((/** @type {any} */ hit) => result(hit, [
      h('p', { class: 'hint', text: text.coverage(hit.coverage) }),
      h('div', { class: 'excerpt' }, passageBody(hit, [])),
    ]));
    replaceChildren(results,
      h('section', { class: 'exact-results', attrs: { 'aria-labelledby': 'exact-title' } },
        h('h2', { attrs: { id: 'exact-title' }, text: `${text.exactTitle} (${exact.length})` }),
        exact.length ? h('ol', { class: 'result-list' }, exact) : h('p', { class: 'empty-result', text: text.exactNone })),
      h('section', { class: 'related-results', attrs: { 'aria-labelledby': 'related-title' } },
        h('h2', { attrs: { id: 'related-title' }, text: text.relatedTitle }),
        related.length ? h('ol', { class: 'result-list' }, related) : h('p', { class: 'empty-result', text: text.relatedNone })));
    announce(`${text.exactTitle}: ${exact.length}. ${text.relatedTitle}: ${related.length}.`);
  }

  async function locate() {
    const value = input.value.trim();
    if (!value) return input.focus();
    submit.disabled = true;
    replaceChildren(results, h('p', { class: 'loading', attrs: { role: 'status' }, text: strings().loading }));
    try {
      renderResults(await postJson('/api/locate', { text: value }));
    } catch (error) {
      replaceChildren(results, h('p', { class: 'error-text', attrs: { role: 'alert' }, text: `${strings().errorPrefix} ${error instanceof Error ? error.message : ''}` }));
    } finally {
      submit.disabled = false;
    }
  }

  function render() {
    const text = strings();
    title.textContent = text.locateTitle;
    intro.textContent = text.locateIntro;
    label.textContent = text.locateLabel;
    submit.textContent = text.locateSubmit;
    results.textContent = '';
  }

  render();
  return { element, render, focus: () => title.focus() };
}
