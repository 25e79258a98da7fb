/**
 * Hash routes of the app: "#/" chat, "#/gesprekken", "#/documenten", "#/documenten/<id>[/<section>]",
 * "#/waar-staat-dit", "#/beheer", "#/registers[/deelopdrachten|budgetten|mandaten]", and "#/passage/<id>" (the chat with that passage open in the source panel: the
 * links in answers given over the API).
 * Other hashes (a skip link's "#main") are not routes and leave the current view alone.
 */

/** @typedef {{ view: 'chat' } | { view: 'history' } | { view: 'documents' } | { view: 'document', id: string, section: number | null } | { view: 'locate' } | { view: 'admin' } | { view: 'registers', kind: 'deelopdrachten' | 'budgets' | 'mandates' } | { view: 'passage', id: string } | { view: 'missing' }} Route */

/** The registers' Dutch slugs. @type {Record<string, 'deelopdrachten' | 'budgets' | 'mandates'>} */
const REGISTERS = { deelopdrachten: 'deelopdrachten', budgetten: 'budgets', mandaten: 'mandates' };

/**
 * @param {string} hash
 * @returns {Route | null} null when the hash is not a route
 */
export function parseRoute(hash) {
  if (hash === '' || hash === '#' || hash === '#/') return { view: 'chat' };
  if (!hash.startsWith('#/')) return null;
  const parts = hash.slice(2).split('/').filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  if (parts[0] === 'documenten' && parts.length === 1) return { view: 'documents' };
  if (parts[0] === 'documenten' && parts[1] && parts.length <= 3) {
    const section = parts[2] !== undefined && /^\d+$/.test(parts[2]) ? Number(parts[2]) : null;
    return { view: 'document', id: parts[1], section };
  }
  if (parts[0] === 'waar-staat-dit' && parts.length === 1) return { view: 'locate' };
  if (parts[0] === 'gesprekken' && parts.length === 1) return { view: 'history' };
  if (parts[0] === 'beheer' && parts.length === 1) return { view: 'admin' };
  if (parts[0] === 'registers' && parts.length <= 2) {
    const slug = parts[1] ?? 'deelopdrachten';
    const kind = Object.hasOwn(REGISTERS, slug) ? REGISTERS[slug] : undefined;
    if (kind) return { view: 'registers', kind };
  }
  if (parts[0] === 'passage' && parts[1] && parts.length === 2) return { view: 'passage', id: parts[1] };
  return { view: 'missing' };
}
