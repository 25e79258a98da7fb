/**
 * Every text of the interface, Dutch first (the users' language) with English alternatives, and the language
 * switch. The choice persists in localStorage and sets <html lang>, so screen readers pronounce the right language.
 */

/** @typedef {'nl' | 'en'} Language */

const STORAGE_KEY = 'grip.language';

const nl = {
  skipToContent: 'Naar de inhoud',
  tagline: 'Grip op WIJ Groningen — antwoorden met citaten uit de raadsstukken',
  navLabel: 'Hoofdmenu',
  navChat: 'Chat',
  navDocuments: 'Documenten',
  navLocate: 'Waar staat dit?',
  languageToggle: 'English',
  languageToggleLabel: 'Switch to English',
  chatTitle: 'Vraag het de stukken',
  intro: 'Elk antwoord bestaat uit letterlijke citaten uit raadsstukken, met de bron erbij. Staat het niet in de stukken, dan zegt Grip dat.',
  examplesTitle: 'Bijvoorbeeld',
  examples: [
    'Wie beslist over de opdracht aan WIJ: de raad, het college of WIJ zelf?',
    'Welke deelopdrachten voert WIJ uit in Beijum?',
    'Hoeveel subsidie kreeg WIJ in 2022 van de gemeente?',
  ],
  questionLabel: 'Uw vraag',
  questionHint: 'Enter verstuurt, Shift+Enter begint een nieuwe regel.',
  send: 'Verstuur',
  newConversation: 'Nieuw gesprek',
  exportConversation: 'Exporteer gesprek',
  print: 'Afdrukken',
  conversationLabel: 'Gesprek',
  you: 'Vraag',
  answerHeading: 'Antwoord',
  thinking: 'Grip zoekt in de stukken…',
  sources: 'Bronnen',
  citationLabel: (n, title) => `Bron ${n} openen: ${title}`,
  copy: 'Kopieer',
  copied: 'Gekopieerd',
  copyFailed: 'Kopiëren lukte niet; selecteer de tekst zelf.',
  notFoundTitle: 'Dit staat niet in de documenten.',
  mayBeRelevant: 'Mogelijk relevant',
  openPassage: (title) => `Passage openen: ${title}`,
  errorPrefix: 'Er ging iets mis:',
  networkError: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
  retry: 'Opnieuw proberen',
  announceAnswer: (text) => `Antwoord: ${text}`,
  announceNotFound: (text) => `Niet gevonden. ${text}`,
  filtersTitle: 'Filters',
  filtersHint: 'Filters gelden voor de volgende vraag.',
  activeFilters: 'Actieve filters',
  docTypeLabel: 'Documenttype',
  yearFromLabel: 'Vanaf jaar',
  yearToLabel: 'Tot en met jaar',
  documentLabel: 'Document',
  anyChoice: '— kies —',
  chipDocType: (value) => `Type: ${value}`,
  chipYearFrom: (year) => `Vanaf ${year}`,
  chipYearTo: (year) => `Tot en met ${year}`,
  chipDocument: (title) => `Document: ${title}`,
  chipYear: (year) => `Jaar: ${year}`,
  detectedNote: 'herkend in de vraag',
  removeFilter: (label) => `Filter verwijderen: ${label}`,
  exportTitle: 'Grip — gesprek',
  exportedOn: (date) => `Geëxporteerd op ${date}`,
  exportQuestion: (n) => `Vraag ${n}`,
  panelLabel: 'Bron',
  close: 'Sluiten',
  metaType: 'Documenttype',
  metaDate: 'Datum',
  metaPage: 'Pagina',
  metaSection: 'Sectie',
  metaOrganisation: 'Organisatie',
  metaPassages: 'Passages',
  citedPassage: 'Geciteerde passage',
  contextBefore: 'Tekst ervoor',
  contextAfter: 'Tekst erna',
  openOriginal: 'Open origineel',
  backToPassage: 'Terug naar de passage',
  downloadFile: 'Download bestand',
  loading: 'Laden…',
  pdfPage: (page, count) => `Pagina ${page} van ${count}`,
  previousPage: 'Vorige pagina',
  nextPage: 'Volgende pagina',
  pdfCanvasLabel: (page) => `Pagina ${page} van het originele document`,
  highlightedOnPage: 'Gemarkeerd op deze pagina:',
  quoteNotOnPage: 'Het citaat is op deze pagina niet aan te wijzen; lees de tekst van de passage hiernaast.',
  pdfFailed: 'Het originele PDF-bestand kon niet worden getoond.',
  documentsTitle: 'Documenten',
  documentsIntro: 'Alle stukken waarop Grip antwoordt, met hun metadata en wat er bij het inlezen opviel.',
  passagesCount: (n) => `${n} passages`,
  pagesCount: (n) => `${n} pagina's`,
  statusNeedsOcr: 'Niet doorzoekbaar',
  warnings: 'Waarschuwingen bij het inlezen',
  read: (title) => `Lezen: ${title}`,
  readShort: 'Lezen',
  original: 'Origineel',
  contents: 'Inhoud',
  backToDocuments: 'Terug naar alle documenten',
  untitledSection: 'Begin van het document',
  noText: 'Van dit document is geen tekst beschikbaar.',
  locateTitle: 'Waar staat dit?',
  locateIntro: 'Plak een citaat of bewering. Grip zoekt de passages die de tekst letterlijk bevatten (hoofdletters, accenten, witruimte en leestekens tellen niet mee) en de passages die het best aansluiten.',
  locateLabel: 'Citaat of bewering',
  locateSubmit: 'Zoek vindplaats',
  exactTitle: 'Letterlijk gevonden',
  exactNone: 'Geen passage bevat deze tekst letterlijk.',
  partialMatch: 'Loopt door in de volgende of vorige passage',
  relatedTitle: 'Best aansluitende passages',
  relatedNone: 'Geen aansluitende passages gevonden.',
  coverage: (share) => `${Math.round(share * 100)}% van de woorden`,
  notFoundPage: 'Deze pagina bestaat niet.',
  accessTitle: 'Toegangscode nodig',
  accessIntro: 'Deze Grip is afgeschermd. Vul de toegangscode in die u van de beheerder hebt gekregen. Grip onthoudt de code tot u dit tabblad sluit.',
  accessLabel: 'Toegangscode',
  accessShow: 'Code tonen',
  accessSubmit: 'Doorgaan',
  accessCancel: 'Annuleren',
  accessChecking: 'De code wordt gecontroleerd…',
  accessEmpty: 'Vul de toegangscode in.',
  accessWrong: 'Deze toegangscode klopt niet. Controleer de code en probeer het opnieuw.',
  accessExpired: 'De bewaarde toegangscode wordt niet meer geaccepteerd. Vul de huidige code in.',
  accessNeeded: 'Voor Grip is een toegangscode nodig. Probeer het opnieuw en vul de code in.',
  fileFailed: 'Het originele bestand kon niet worden opgehaald.',
};

/** @type {typeof nl} */
const en = {
  skipToContent: 'Skip to content',
  tagline: 'Grip on WIJ Groningen — answers quoted from council documents',
  navLabel: 'Main menu',
  navChat: 'Chat',
  navDocuments: 'Documents',
  navLocate: 'Where does it say this?',
  languageToggle: 'Nederlands',
  languageToggleLabel: 'Schakel naar Nederlands',
  chatTitle: 'Ask the documents',
  intro: 'Every answer consists of verbatim quotes from council documents, with their source. When the documents do not say, Grip says so.',
  examplesTitle: 'For example',
  examples: nl.examples,
  questionLabel: 'Your question',
  questionHint: 'Enter sends, Shift+Enter starts a new line.',
  send: 'Send',
  newConversation: 'New conversation',
  exportConversation: 'Export conversation',
  print: 'Print',
  conversationLabel: 'Conversation',
  you: 'Question',
  answerHeading: 'Answer',
  thinking: 'Grip is searching the documents…',
  sources: 'Sources',
  citationLabel: (n, title) => `Open source ${n}: ${title}`,
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copying failed; please select the text yourself.',
  notFoundTitle: 'This is not in the documents.',
  mayBeRelevant: 'Possibly relevant',
  openPassage: (title) => `Open passage: ${title}`,
  errorPrefix: 'Something went wrong:',
  networkError: 'The server cannot be reached. Check the connection and try again.',
  retry: 'Try again',
  announceAnswer: (text) => `Answer: ${text}`,
  announceNotFound: (text) => `Not found. ${text}`,
  filtersTitle: 'Filters',
  filtersHint: 'Filters apply to the next question.',
  activeFilters: 'Active filters',
  docTypeLabel: 'Document type',
  yearFromLabel: 'From year',
  yearToLabel: 'Up to and including year',
  documentLabel: 'Document',
  anyChoice: '— choose —',
  chipDocType: (value) => `Type: ${value}`,
  chipYearFrom: (year) => `From ${year}`,
  chipYearTo: (year) => `Up to ${year}`,
  chipDocument: (title) => `Document: ${title}`,
  chipYear: (year) => `Year: ${year}`,
  detectedNote: 'recognised in the question',
  removeFilter: (label) => `Remove filter: ${label}`,
  exportTitle: 'Grip — conversation',
  exportedOn: (date) => `Exported on ${date}`,
  exportQuestion: (n) => `Question ${n}`,
  panelLabel: 'Source',
  close: 'Close',
  metaType: 'Document type',
  metaDate: 'Date',
  metaPage: 'Page',
  metaSection: 'Section',
  metaOrganisation: 'Organisation',
  metaPassages: 'Passages',
  citedPassage: 'Cited passage',
  contextBefore: 'Text before',
  contextAfter: 'Text after',
  openOriginal: 'Open original',
  backToPassage: 'Back to the passage',
  downloadFile: 'Download file',
  loading: 'Loading…',
  pdfPage: (page, count) => `Page ${page} of ${count}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pdfCanvasLabel: (page) => `Page ${page} of the original document`,
  highlightedOnPage: 'Highlighted on this page:',
  quoteNotOnPage: 'The quote cannot be pinpointed on this page; read the passage text instead.',
  pdfFailed: 'The original PDF file could not be shown.',
  documentsTitle: 'Documents',
  documentsIntro: 'Every document Grip answers from, with its metadata and what was noticed while reading it in.',
  passagesCount: (n) => `${n} passages`,
  pagesCount: (n) => `${n} pages`,
  statusNeedsOcr: 'Not searchable',
  warnings: 'Warnings while reading in',
  read: (title) => `Read: ${title}`,
  readShort: 'Read',
  original: 'Original',
  contents: 'Contents',
  backToDocuments: 'Back to all documents',
  untitledSection: 'Start of the document',
  noText: 'No text is available for this document.',
  locateTitle: 'Where does it say this?',
  locateIntro: 'Paste a quote or claim. Grip finds the passages that contain the text word for word (ignoring case, accents, whitespace and punctuation) and the passages that match it best.',
  locateLabel: 'Quote or claim',
  locateSubmit: 'Find the source',
  exactTitle: 'Found word for word',
  exactNone: 'No passage contains this text word for word.',
  partialMatch: 'Continues in the next or previous passage',
  relatedTitle: 'Best matching passages',
  relatedNone: 'No matching passages found.',
  coverage: (share) => `${Math.round(share * 100)}% of the words`,
  notFoundPage: 'This page does not exist.',
  accessTitle: 'Access code required',
  accessIntro: 'This Grip is protected. Enter the access code you received from the administrator. Grip remembers the code until you close this tab.',
  accessLabel: 'Access code',
  accessShow: 'Show code',
  accessSubmit: 'Continue',
  accessCancel: 'Cancel',
  accessChecking: 'Checking the code…',
  accessEmpty: 'Enter the access code.',
  accessWrong: 'This access code is not correct. Check the code and try again.',
  accessExpired: 'The saved access code is no longer accepted. Enter the current code.',
  accessNeeded: 'Grip needs an access code. Try again and enter the code.',
  fileFailed: 'The original file could not be fetched.',
};

const STRINGS = { nl, en };

/** @type {Language} */
let current = readStoredLanguage();
/** @type {Set<() => void>} */
const listeners = new Set();

function readStoredLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    // Storage can be blocked (private mode, policies); Dutch is the default then.
    return 'nl';
  }
}

/** The interface language. */
export function language() {
  return current;
}

/** The texts of the current language. */
export function strings() {
  return STRINGS[current];
}

/** The texts of both languages, for recognising the server's own sentences. */
export const ALL_STRINGS = STRINGS;

/**
 * Switches the language, persists it and tells the views to re-render.
 * @param {Language} next
 */
export function setLanguage(next) {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not persisting is acceptable; the switch still applies to this page.
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

/** @param {() => void} listener */
export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** Applies `data-i18n` (text) and `data-i18n-label` (aria-label) keys below `root`. */
export function applyStaticStrings(root = document) {
  const texts = /** @type {Record<string, unknown>} */ (strings());
  for (const element of root.querySelectorAll('[data-i18n]')) {
    const value = texts[element.getAttribute('data-i18n') ?? ''];
    if (typeof value === 'string') element.textContent = value;
  }
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    const value = texts[element.getAttribute('data-i18n-label') ?? ''];
    if (typeof value === 'string') element.setAttribute('aria-label', value);
  }
}

/**
 * A date as words in the interface language ("5 juli 2023"), or null.
 * @param {string | null | undefined} iso
 */
export function formatDate(iso) {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(current === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
