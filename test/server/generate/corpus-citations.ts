/**
 * Citations as the extractive composer makes them, with quotes and passage texts copied from the default corpus
 * (data/corpus), for the pure tests of the citation check and the prompt.
 */
import type { Citation } from '../../../server/answer/types.js';

const ANNUAL_REPORT = { documentId: '001_9e23d01a41b8f33e', source: '001_9e23d01a41b8f33e.txt', title: 'Jaarverslag 2022 Stichting WIJ Groningen (bestuursverslag en jaarrekening)', docType: 'jaarverslag', date: '2023-07-05', page: null, pageLabel: null };
const GOVERNANCE = { documentId: '004_27f37c8f34aada63', source: '004_27f37c8f34aada63.txt', title: 'Samenwerking tussen WIJ Groningen en gemeente Groningen is adequaat ingericht (governance-onderzoek)', docType: 'onderzoeksrapport', date: '2023-12-15', page: null, pageLabel: null };

function citation(n: number, document: typeof ANNUAL_REPORT, section: string, text: string, quote: string): Citation {
  if (!text.includes(quote)) throw new Error(`Fixture quote is not in its text: ${quote}`);
  return { n, passageId: `${document.documentId}-${n}`, ...document, section, quote, text };
}

const STAFF = 'Toelichting\nHet totaal van de personeelskosten betreft zowel de structurele opdracht, de voorbereiding voor Basis Jeugdhulp en de deelopdrachten. In 2022 is er op de deelopdrachten 44,35 fte en voor de voorbereiding Basis Jeugdhulp 8,95 fte ingezet. Deze inzet, in totaal 53,35 fte, is in 2022 niet begroot.';
const BALANCE = 'ACTIVA 2022 2021\nVaste activa\nMateriële vaste activa 19.395 -\nTotaal vaste activa 19.395 -\nVlottende activa\nDebiteuren 28.350 76.151\nVorderingen op gemeente Groningen 188.792 731.028\nOverige vorderingen 688.239 498.847\nLiquide middelen 4.470.460 5.769.326\nTotaal vlottende activa 5.375.841 7.075.352\n';
const OUTLOOK = 'Financieel meerjarenperspectief\nVoor 2023 verwachten we een resultaat van ongeveer nul en kunnen we een sluitende begroting opstellen.\n- De meerjarenbegroting van WIJ Groningen is gebaseerd op het beleid 2022 met de 1,13% arbeidsmarkttoeslag en zonder de te verwachte extra cao-verhoging in 2023.';
const YOUTH = 'Deze deelopdrachten hebben inmiddels een totale waarde van 5,7 miljoen euro. Bovendien is de opdracht aan WIJ Groningen per 1 januari 2023 uitgebreid met de taak basisjeugdhulp. Het gaat om begeleiding en lichte behandeling, die voorheen werd uitgevoerd door meer dan honderd jeugdhulpaanbieders.';

/** Staff deployed on sub-assignments in 2022: "44,35 fte", "8,95 fte", "53,35 fte". */
export const STAFF_CITATIONS: Citation[] = [
  citation(1, ANNUAL_REPORT, 'Personeelskosten', STAFF, 'In 2022 is er op de deelopdrachten 44,35 fte en voor de voorbereiding Basis Jeugdhulp 8,95 fte ingezet.'),
  citation(2, ANNUAL_REPORT, 'Personeelskosten', STAFF, 'Deze inzet, in totaal 53,35 fte, is in 2022 niet begroot.'),
];

/** A balance-sheet row: "€ 4.470.460" under the columns "ACTIVA 2022 2021". */
export const BALANCE_CITATIONS: Citation[] = [citation(1, ANNUAL_REPORT, 'Balans per 31 december 2022 (in €)', BALANCE, 'Liquide middelen 4.470.460 5.769.326')];

/** The budget assumption "1,13%". */
export const OUTLOOK_CITATIONS: Citation[] = [
  citation(1, ANNUAL_REPORT, 'Financieel meerjarenperspectief', OUTLOOK, '- De meerjarenbegroting van WIJ Groningen is gebaseerd op het beleid 2022 met de 1,13% arbeidsmarkttoeslag en zonder de te verwachte extra cao-verhoging in 2023.'),
];

/** Basisjeugdhulp "per 1 januari 2023", "5,7 miljoen euro", "meer dan honderd". */
export const YOUTH_CITATIONS: Citation[] = [
  citation(1, GOVERNANCE, '1.1 De toegenomen betekenis van WIJ Groningen', YOUTH, 'Bovendien is de opdracht aan WIJ Groningen per 1 januari 2023 uitgebreid met de taak basisjeugdhulp.'),
  citation(2, GOVERNANCE, '1.1 De toegenomen betekenis van WIJ Groningen', YOUTH, 'Het gaat om begeleiding en lichte behandeling, die voorheen werd uitgevoerd door meer dan honderd jeugdhulpaanbieders.'),
];
