/**
 * Glued words a lexicon check cannot see one token at a time:
 * - "vastte stellen" → "vast te stellen": "vastte" is a Dutch word (from "vasten"), but "vast" + "stellen"
 *   is the separable verb "vaststellen", and "te" between its parts is the infinitive marker;
 * - "in2018", "maart2012" → "in 2018", "maart 2012": a word glued to a year;
 * - "OverigAfhankelijkheidsrelaties" → "Overig Afhankelijkheidsrelaties": two capitalised words glued;
 * - "nota's,dat" → "nota's, dat" and "4%meer" → "4% meer": a space lost after punctuation;
 * - "Wl J-organisatie" → "WIJ-organisatie": a capitalised abbreviation spaced apart, with "l" for "I".
 * Only spaces are inserted or removed, except the "l" of the last case; digits are never touched.
 */
import type { StepResult } from '../clean-types.js';
import { applyEdits, type Edit, type OffsetText } from '../offset-text.js';
import type { DutchLexicon } from '../../text/dutch-lexicon.js';

// Particles of Dutch separable verbs ("vast|stellen", "uit|voeren", "door|ontwikkelen"); without this list
// "behoefte ten" would pass as "behoef te ten" because "behoeften" is a word.
const SEPARABLE_PARTICLES = new Set([
  'aan', 'af', 'achter', 'bij', 'binnen', 'buiten', 'dicht', 'door', 'heen', 'in', 'los', 'mee', 'mis', 'na', 'neer',
  'om', 'onder', 'op', 'open', 'over', 'rond', 'samen', 'stil', 'tegen', 'terug', 'thuis', 'toe', 'uit', 'vast',
  'voor', 'voorbij', 'vrij', 'weg', 'weer', 'bekend', 'goed', 'kapot', 'schoon', 'teniet', 'tot', 'vol',
]);
const TE_GLUED = /(?<![\p{L}\p{N}])(\p{L}{2,})te (\p{Ll}+en)(?![\p{L}\p{N}])/gu;
const WORD_YEAR = /(?<![\p{L}\p{N}])(\p{L}{2,})(?=(?:1[89]|20)\d\d(?!\d))/gu;
const CAMEL = /(?<![\p{L}\p{N}])(\p{Lu}?\p{Ll}{2,})(?=(\p{Lu}\p{Ll}{2,})(?![\p{L}]))/gu;
const PUNCTUATION_GLUE = /(?<=\p{L}[,;]|\d%)(?=\p{L})/gu;
const SPACED_CAPS = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}l]*) ([\p{Lu}l]*\p{Lu})(?![\p{L}\p{N}])/gu;

type Rule = (match: RegExpExecArray, lexicon: DutchLexicon) => Edit | null;

function teGlued(match: RegExpExecArray, lexicon: DutchLexicon): Edit | null {
  const [, particle = '', verb = ''] = match;
  if (!SEPARABLE_PARTICLES.has(particle.toLowerCase()) || verb.length < 4 || !lexicon.has(particle) || !lexicon.has(verb) || !lexicon.has(particle + verb)) return null;
  const at = match.index + particle.length;
  return { start: at, end: at, text: ' ' };
}

function wordYear(match: RegExpExecArray, lexicon: DutchLexicon): Edit | null {
  const word = match[1] ?? '';
  if (!lexicon.has(word)) return null;
  const at = match.index + word.length;
  return { start: at, end: at, text: ' ' };
}

function camel(match: RegExpExecArray, lexicon: DutchLexicon): Edit | null {
  const [, left = '', right = ''] = match;
  if (!lexicon.isKnown(left) || !lexicon.isKnown(right) || lexicon.isKnown(left + right)) return null;
  const at = match.index + left.length;
  return { start: at, end: at, text: ' ' };
}

function spacedCaps(match: RegExpExecArray, lexicon: DutchLexicon): Edit | null {
  const [whole, left = '', right = ''] = match;
  if (!whole.includes('l')) return null;
  const joined = (left + right).replace(/l/g, 'I');
  return lexicon.has(joined) ? { start: match.index, end: match.index + whole.length, text: joined } : null;
}

function collect(text: string, pattern: RegExp, rule: Rule, lexicon: DutchLexicon): Edit[] {
  const edits: Edit[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0] === '') pattern.lastIndex++;
    const edit = rule(match, lexicon);
    if (edit !== null) edits.push(edit);
  }
  return edits;
}

/** Splits glued words and joins a spaced abbreviation; see the module comment. */
export function splitGluedWords(source: OffsetText, lexicon: DutchLexicon): StepResult {
  const text = source.text;
  const edits = [
    ...collect(text, TE_GLUED, teGlued, lexicon),
    ...collect(text, WORD_YEAR, wordYear, lexicon),
    ...collect(text, CAMEL, camel, lexicon),
    ...collect(text, PUNCTUATION_GLUE, (match) => ({ start: match.index, end: match.index, text: ' ' }), lexicon),
    ...collect(text, SPACED_CAPS, spacedCaps, lexicon),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  // Rules touch different spots; should two ever meet, the first one wins.
  const kept = edits.filter((edit, i) => {
    const previous = edits[i - 1];
    return previous === undefined || (edit.start >= previous.end && edit.start !== previous.start);
  });
  return { text: applyEdits(source, kept), count: kept.length };
}
