/**
 * The access-code dialog: a small modal form that asks for the code when the server answers 401. It checks the
 * code with the server before closing, so a wrong code is reported right here with focus back in the field. The
 * rest of the page is inert while it is open, so it carries its own language switch. It is built on first use:
 * without a READ_TOKEN on the server it never exists.
 */
import { h } from './dom.js';
import { language, onLanguageChange, setLanguage, strings } from './strings.js';

/** @typedef {'accessEmpty' | 'accessWrong' | 'accessExpired' | 'networkError'} Problem */

function build() {
  const title = h('h2', { class: 'access-title', attrs: { id: 'access-title' } });
  const intro = h('p', { class: 'access-intro', attrs: { id: 'access-intro' } });
  const label = h('label', { attrs: { for: 'access-code' } });
  const input = h('input', {
    class: 'access-input',
    attrs: { id: 'access-code', name: 'access-code', type: 'password', autocomplete: 'current-password', autocapitalize: 'off', spellcheck: 'false', 'aria-describedby': 'access-error' },
  });
  const error = h('p', { class: 'error-text access-error', attrs: { id: 'access-error', role: 'alert' } });
  const show = h('input', { attrs: { id: 'access-show', type: 'checkbox' } });
  const showLabel = h('label', { class: 'access-show-label', attrs: { for: 'access-show' } });
  const status = h('p', { class: 'access-status', attrs: { role: 'status' } });
  const submit = h('button', { class: 'button-primary', attrs: { type: 'submit' } });
  const cancel = h('button', { class: 'button-secondary', attrs: { type: 'button' } });
  const switchLanguage = h('button', { class: 'button-secondary access-language', attrs: { type: 'button' } });
  const form = h('form', { class: 'access-form', attrs: { novalidate: true } },
    title, intro, label, input, error, h('p', { class: 'access-show' }, show, showLabel), status,
    h('div', { class: 'access-actions' }, submit, cancel, switchLanguage));
  const dialog = h('dialog', { class: 'access-dialog', attrs: { 'aria-labelledby': 'access-title', 'aria-describedby': 'access-intro' } }, form);
  document.body.append(dialog);
  show.addEventListener('change', () => input.setAttribute('type', show.checked ? 'text' : 'password'));
  return { dialog, form, title, intro, label, input, error, show, showLabel, status, submit, cancel, switchLanguage };
}

/**
 * Creates the prompt that access.js calls on a 401.
 * @param {(code: string) => Promise<boolean>} check asks the server whether it accepts a code
 * @returns {import('./access.js').AccessPrompt}
 */
export function createAccessDialog(check) {
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
    const text = strings();
    parts.title.textContent = text.accessTitle;
    parts.intro.textContent = text.accessIntro;
    parts.label.textContent = text.accessLabel;
    parts.showLabel.textContent = text.accessShow;
    parts.submit.textContent = text.accessSubmit;
    parts.cancel.textContent = text.accessCancel;
    parts.switchLanguage.textContent = text.languageToggle;
    parts.switchLanguage.setAttribute('lang', language() === 'nl' ? 'en' : 'nl');
    parts.switchLanguage.setAttribute('aria-label', text.languageToggleLabel);
    parts.error.textContent = problem ? text[problem] : '';
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
    if (!code) return fail('accessEmpty');
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
    else fail(accepted === null ? 'networkError' : 'accessWrong');
  }

  function wire() {
    const built = build();
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
    problem = reason === 'expired' ? 'accessExpired' : null;
    const active = document.activeElement;
    opener = active instanceof HTMLElement && active !== document.body ? active : null;
    parts.input.value = '';
    render();
    parts.dialog.showModal();
    parts.input.focus();
  });
}
