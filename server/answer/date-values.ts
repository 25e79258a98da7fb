/**
 * The patterns of written dates and periods, built from the words of data/answer-words.json (`dateWords`). A date
 * question is answered by a moment in time however a document writes it: a day ("3 februari 2031", "12-04-2031"),
 * a month ("medio maart 2032", "in maart"), a part of a year ("het derde kwartaal van 2031", "2e helft 2032",
 * "Q3"), a moment or season of a year ("najaar van 2031", "met ingang van 2033", "eind 2031") or a range of years
 * ("2031-2034"). Only the words differ between languages and documents; the grammar is the same. Pure.
 */
import type { DateWords } from '../retrieve/answer-words.js';
import { anyPhrase } from '../retrieve/word-patterns.js';

const YEAR_DIGITS = String.raw`(?:19|20)\d\d`;
const YEAR = String.raw`${YEAR_DIGITS}\b`;
const DAY = String.raw`\d{1,2}(?:e|ste)?`;


const cache = new WeakMap<DateWords, RegExp[]>();

/**
 * The date patterns, in the order in which overlapping matches are resolved (the longest reading first): days and
 * months with an optional moment before them, numeric dates, parts of a year, moments of a year, ranges of years,
 * and last a bare month after a preposition.
 */
export function datePatterns(words: DateWords): RegExp[] {
  const cached = cache.get(words);
  if (cached) return cached;
  const month = anyPhrase(words.months);
  const moment = anyPhrase(words.moments);
  const link = anyPhrase(words.yearLinks);
  const before = String.raw`(?:\b${moment}\s+)?`;
  const patterns = [
    // "3 februari 2031", "1 april", "medio maart 2032", "vanaf juni 2031"
    String.raw`${before}\b(?:${DAY}\s+${month}(?:\s+${YEAR})?|${month}\s+${YEAR})(?!\p{L})`,
    // "12-04-2031", "11-01-31", "2031-04-12"
    String.raw`(?<![\d.,])\d{1,2}-\d{1,2}-(?:19|20)?\d\d(?!\d)|\b${YEAR_DIGITS}-\d\d-\d\d\b`,
    // "begin derde kwartaal 2031", "de eerste helft van 2032", "2e helft van het jaar", "Q2 2031", "Q3"
    String.raw`${before}\b(?:(?:het|de|the)\s+)?${anyPhrase(words.ordinals)}\s+${anyPhrase(words.yearParts)}(?:(?:\s+${link})?\s+${YEAR}|\s+${anyPhrase(words.relativeYears)}(?!\p{L}))`,
    String.raw`\b${anyPhrase(words.quarterLetters)}[1-4](?:[\s-]+${YEAR})?(?![\p{L}\d])`,
    // "eind 2031", "najaar van 2031", "met ingang van 2033", "in de loop van 2032"
    String.raw`\b${moment}\s+(?:${link}\s+)?${YEAR}`,
    // "2031-2034", "2031/2032", "2031-32"
    String.raw`(?<![\d.,])${YEAR_DIGITS}\s?[-–/]\s?(?:${YEAR_DIGITS}|\d\d)(?![\d.,])`,
    // "in maart", "sinds juni" — a month without its year, after a word that makes it a moment
    String.raw`\b(?:${moment}|${anyPhrase(words.monthLeads)})\s+${month}(?![\p{L}-])`,
  ].map((source) => new RegExp(source, 'giu'));
  cache.set(words, patterns);
  return patterns;
}
