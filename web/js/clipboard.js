/**
 * Copying text and downloading files for the griffie. The asynchronous Clipboard API needs a secure context
 * (https or localhost); on a plain-http intranet address the old execCommand path still works.
 */
import { h } from './dom.js';

/**
 * Copies text; resolves true when it worked.
 * @param {string} text
 */
export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or no focus: try the fallback below.
  }
  const area = h('textarea', { class: 'clipboard-scratch', attrs: { readonly: true, 'aria-hidden': 'true', tabindex: '-1' } });
  area.value = text;
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  return copied;
}

/**
 * Offers text as a file download.
 * @param {string} name
 * @param {string} text
 * @param {string} type
 */
export function downloadText(name, text, type = 'text/markdown;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { class: 'visually-hidden', attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: the download starts asynchronously and needs the URL until then.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
