/**
 * The access-code dialog: a small modal form that asks for the code when the server answers 401. It checks the
 * code with the server before closing, so a wrong code is reported right here with focus back in the field. The
 * rest of the page is inert while it is open, so it carries its own language switch. It is built on first use:
 * without a READ_TOKEN on the server it never exists.
 */
import { h } from './dom.js';
import { language, onLanguageChange, setLanguage, strings } from './strings.js';

/** @typedef {'empty' | 'wrong' | 'expired' | 'networkError'} Problem */

/**
 * Which texts a dialog shows (keys of strings.js) and the prefix of its element ids: the reader's access code
 * and the admin token are asked the same way, by two dialogs.
 * @typedef {{ id: string, title: string, intro: string, label: string, empty: string, wrong: string, expired: string }} AccessTexts
 */

/** The reader's access code (READ_TOKEN). @type {AccessTexts} */
export const READ_ACCESS = { id: 'access', title: 'accessTitle', intro: 'accessIntro', label: 'accessLabel', empty: 'accessEmpty', wrong: 'accessWrong', expired: 'accessExpired' };

/** @param {string} id */
function build(id) {
  const title = h('h2', { class: 'access-title', attrs: { id: `${id}-title` } });
  const intro = h('p', { class: 'access-intro', attrs: { id: `${id}-intro` } });
  const label = h('label', { attrs: { for: `${id}-code` } });
  const input = h('input', {
    class: 'access-input',
    attrs: { id: `${id}-code`, name: `${id}-code`, type: 'password', autocomplete: 'current-password', autocapitalize: 'off', spellcheck: 'false', 'aria-describedby': `${id}-error` },
  });
  const error = h('p', { class: 'error-text access-error', attrs: { id: `${id}-error`, role: 'alert' } });
  const show = h('input', { attrs: { id: `${id}-show`, type: 'checkbox' } });
  const showLabel = h('label', { class: 'access-show-label', attrs: { for: `${id}-show` } });
  const status = h('p', { class: 'access-status', attrs: { role: 'status' } });
  const submit = h('button', { class: 'button-primary', attrs: { type: 'submit' } });
  const cancel = h('button', { class: 'button-secondary', attrs: { type: 'button' } });
  const switchLanguage = h('button', { class: 'button-secondary access-language', attrs: { type: 'button' } });
  const form = h('form', { class: 'access-form', attrs: { novalidate: true } },
    title, intro, label, input, error, h('p', { class: 'access-show' }, show, showLabel), status,
    h('div', { class: 'access-actions' }, submit, cancel, switchLanguage));
  const dialog = h('dialog', { class: 'access-dialog', attrs: { 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-intro` } }, form);
  document.body.append(dialog);
  show.addEventListener('change', () => input.setAttribute('type', show.checked ? 'text' : 'password'));
  return { dialog, form, title, intro, label, input, error, show, showLabel, status, submit, cancel, switchLanguage };
}

/**
 * Creates the prompt that access.js calls on a 401.
 * @param {(code: string) => Promise<boolean>} check asks the server whether it accepts a code
 * @param {AccessTexts} [texts] what it asks for (default: the reader's access code)
 * @returns {import('./access.js').AccessPrompt}
 */
export function createAccessDialog(check, texts = READ_ACCESS) {
  /** @type {ReturnType<typeof build> | null} */
  let parts = null;
  /** @type {((code: string | null) => void) | null} */
  let settle = null;
  /** @type {HTMLElement | null} */
  let opener = null;
  /** @type {Problem | null} */
  let problem = null;
  let checking = false;

  function render() {
    if (!parts) return;
    const text = /** @type {Record<string, any>} */ (strings());
    parts.title.textContent = text[texts.title];
    parts.intro.textContent = text[texts.intro];
    parts.label.textContent = text[texts.label];
    parts.showLabel.textContent = text.accessShow;
    parts.submit.textContent = text.accessSubmit;
    parts.cancel.textContent = text.accessCancel;
    parts.switchLanguage.textContent = text.languageToggle;
    parts.switchLanguage.setAttribute('lang', language() === 'nl' ? 'en' : 'nl');
    parts.switchLanguage.setAttribute('aria-label', text.languageToggleLabel);
    parts.error.textContent = problem === 'networkError' ? text.networkError : problem ? text[texts[problem]] : '';
    parts.status.textContent = checking ? text.accessChecking : '';
    if (problem && problem !== 'networkError') parts.input.setAttribute('aria-invalid', 'true');
    else parts.input.removeAttribute('aria-invalid');
  }

  /** @param {Problem} next */
  function fail(next) {
    problem = next;
    render();
    parts?.input.focus();
    parts?.input.select();
  }

  /** Closes the dialog and settles the question with `code` (null: declined). @param {string | null} code */
  function finish(code) {
    const done = settle;
    settle = null;
    if (parts?.dialog.open) parts.dialog.close();
    done?.(code);
  }

  async function submit() {
    if (!parts || checking) return;
    const code = parts.input.value.trim();
    if (!code) return fail('empty');
    // Clearing the error first makes the same error, given again, be announced again.
    problem = null;
    checking = true;
    render();
    /** @type {boolean | null} */
    let accepted = null;
    try {
      accepted = await check(code);
    } catch {
      accepted = null;
    }
    checking = false;
    // Escape during the check declined already.
    if (!settle) return render();
    if (accepted) finish(code);
    else fail(accepted === null ? 'networkError' : 'wrong');
  }

  function wire() {
    const built = build(texts.id);
    built.form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    built.cancel.addEventListener('click', () => finish(null));
    built.switchLanguage.addEventListener('click', () => setLanguage(language() === 'nl' ? 'en' : 'nl'));
    built.dialog.addEventListener('close', () => {
      // Escape closes without our help (and not always with a cancel event); a new question may have reopened it.
      if (built.dialog.open) return;
      finish(null);
      if (opener?.isConnected) opener.focus();
      opener = null;
    });
    onLanguageChange(render);
    return built;
  }

  return (reason) => new Promise((resolve) => {
    parts ??= wire();
    settle = resolve;
    problem = reason === 'expired' ? 'expired' : null;
    const active = document.activeElement;
    opener = active instanceof HTMLElement && active !== document.body ? active : null;
    parts.input.value = '';
    render();
    parts.dialog.showModal();
    parts.input.focus();
  });
}
