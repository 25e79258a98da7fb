/**
 * Filters a question names itself: a document type ("het raadsvoorstel", "the annual report"), a source
 * ("volgens Berenschot"), years ("in 2019"). Document types and sources become filters; years only steer the
 * ranking, because "meer dan in 2020?" asks about 2020 in a later document.
 */
import { analyzeTerms, numberTokens } from '../../ingest/index.js';

/** What retrieval knows about each document to recognise references to it. */
export interface DocumentFacts {
  documentId: string;
  title: string;
  docType: string;
  organisation: string | null;
}

/** Filters found in a question. */
export interface DetectedFilters {
  docTypes: string[];
  documentIds: string[];
  years: number[];
}

/** Words that name a document type, besides the type's own name. */
const TYPE_ALIASES: Record<string, string[]> = {
  jaarverslag: ['jaarverslag', 'jaarrekening', 'bestuursverslag', 'jaarstukken'],
  raadsvoorstel: ['raadsvoorstel', 'raadsbesluit'],
  onderzoeksrapport: ['onderzoeksrapport', 'rapport'],
  onderzoeksuitvraag: ['uitvraag', 'onderzoeksuitvraag'],
  besluitenlijst: ['besluitenlijst'],
};

/** Organisation words too common to identify a source. */
const GENERIC = new Set(analyzeTerms('gemeente groningen stichting wij college van b&w raad en de het'));

function organisationTerms(organisation: string | null): string[] {
  return analyzeTerms(organisation ?? '').filter((term) => !GENERIC.has(term) && term.length > 3);
}

/**
 * True when the question names `alias`: every content term of the alias is in the question. An alias of stop
 * words only ("de het van", an uploaded docType) has no term to find, so it never matches — without this,
 * `every` over no terms would find it in every question.
 */
function namesAlias(alias: string, terms: ReadonlySet<string>): boolean {
  const aliasTerms = analyzeTerms(alias);
  return aliasTerms.length > 0 && aliasTerms.every((term) => terms.has(term));
}

/** Detects document-type, source and year references in the (Dutch or translated) question text. */
export function detectFilters(text: string, documents: DocumentFacts[]): DetectedFilters {
  const terms = new Set(analyzeTerms(text));
  const types = new Set(documents.map((d) => d.docType));
  const docTypes = [...types].filter((type) => (TYPE_ALIASES[type] ?? [type]).some((alias) => namesAlias(alias, terms)));
  const documentIds = documents
    .filter((d) => {
      const words = organisationTerms(d.organisation);
      return words.length > 0 && words.every((word) => terms.has(word));
    })
    .map((d) => d.documentId);
  const years = [...new Set(numberTokens(text).filter((n) => /^(?:19|20)\d\d$/.test(n)).map(Number))];
  return { docTypes, documentIds, years };
}
