/**
 * Every sentence Grip writes itself (as opposed to quoting), in Dutch and English. Quoted document text stays
 * Dutch whatever the question's language.
 */
import type { Language } from '../retrieve/language.js';

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** An ISO date as words ("5 juli 2023" / "5 July 2023"). */
export function formatDate(iso: string | null, language: Language): string | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return null;
  return `${Number(match[3])} ${MONTHS[language][Number(match[2]) - 1] ?? ''} ${match[1]}`;
}

/** Texts of the composer, per language. */
export const MESSAGES = {
  nl: {
    notFound: 'Dit staat niet in de documenten.',
    notFoundHint: 'De passages hieronder gaan over verwante onderwerpen en zijn mogelijk relevant, maar ze beantwoorden de vraag niet.',
    emptyIndex: 'Er zijn nog geen documenten geïndexeerd.',
    according: (source: string) => `Volgens ${source}:`,
    conflict: 'De documenten noemen verschillende cijfers:',
    columns: (header: string) => `(kolommen: ${header})`,
    register: 'Deze deelopdrachten staan in het register dat Grip uit de documenten opbouwt; elke regel verwijst naar de rij of zin waar hij staat:',
    page: (label: string) => `p. ${label}`,
  },
  en: {
    notFound: 'This is not in the documents.',
    notFoundHint: 'The passages below are on related subjects and may be relevant, but they do not answer the question.',
    emptyIndex: 'No documents have been indexed yet.',
    according: (source: string) => `According to ${source} (quoted in Dutch):`,
    conflict: 'The documents give different figures (quoted in Dutch):',
    columns: (header: string) => `(columns: ${header})`,
    register: 'These sub-assignments are in the register Grip builds from the documents; each line refers to the row or sentence it stands in:',
    page: (label: string) => `p. ${label}`,
  },
} as const;
