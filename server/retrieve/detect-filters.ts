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
 * True when the question names an alias (its analysed terms): every content term of the alias is in the question. An alias of stop
 * words only ("de het van", an uploaded docType) has no term to find, so it never matches — without this,
 * `every` over no terms would find it in every question.
 */
function namesAlias(aliasTerms: readonly string[], terms: ReadonlySet<string>): boolean {
  return aliasTerms.length > 0 && aliasTerms.every((term) => terms.has(term));
}

/**
 * What detection reads of a document list, derived once per list: its document types with their alias terms,
 * and its documents grouped by their organisation's terms. A question is then checked against the few types and
 * organisations, not against every document, whose count grows with the index.
 */
interface DocumentIndex {
  types: { type: string; aliases: string[][] }[];
  sources: { words: string[]; documentIds: { id: string; order: number }[] }[];
}

const indexes = new WeakMap<readonly DocumentFacts[], DocumentIndex>();

function buildIndex(documents: readonly DocumentFacts[]): DocumentIndex {
  const types = [...new Set(documents.map((d) => d.docType))].map((type) => ({ type, aliases: (TYPE_ALIASES[type] ?? [type]).map((alias) => analyzeTerms(alias)) }));
  const sources = new Map<string, DocumentIndex['sources'][number]>();
  documents.forEach((d, order) => {
    const organisation = d.organisation ?? '';
    let source = sources.get(organisation);
    if (!source) sources.set(organisation, (source = { words: organisationTerms(d.organisation), documentIds: [] }));
    source.documentIds.push({ id: d.documentId, order });
  });
  return { types, sources: [...sources.values()].filter((source) => source.words.length > 0) };
}

function indexOf(documents: readonly DocumentFacts[]): DocumentIndex {
  let index = indexes.get(documents);
  if (!index) indexes.set(documents, (index = buildIndex(documents)));
  return index;
}

/** Detects document-type, source and year references in the (Dutch or translated) question text. */
export function detectFilters(text: string, documents: readonly DocumentFacts[]): DetectedFilters {
  const terms = new Set(analyzeTerms(text));
  const index = indexOf(documents);
  const docTypes = index.types.filter(({ aliases }) => aliases.some((alias) => namesAlias(alias, terms))).map(({ type }) => type);
  const documentIds = index.sources
    .filter((source) => source.words.every((word) => terms.has(word)))
    .flatMap((source) => source.documentIds)
    .sort((a, b) => a.order - b.order)
    .map(({ id }) => id);
  const years = [...new Set(numberTokens(text).filter((n) => /^(?:19|20)\d\d$/.test(n)).map(Number))];
  return { docTypes, documentIds, years };
}
