/**
 * Dutch stop words: the Snowball list (the one tantivy and LanceDB ship), as folded lower-case words.
 * "wij" is deliberately absent although LanceDB's list has it: in this corpus it is the organisation's
 * name ("WIJ Groningen", "WIJ-teams") far more often than the pronoun.
 */
export const DUTCH_STOP_WORDS: ReadonlySet<string> = new Set([
  'aan', 'al', 'alles', 'als', 'altijd', 'andere', 'ben', 'bij', 'daar', 'dan', 'dat', 'de', 'der', 'deze',
  'die', 'dit', 'doch', 'doen', 'door', 'dus', 'een', 'eens', 'en', 'er', 'ge', 'geen', 'geweest', 'haar',
  'had', 'heb', 'hebben', 'heeft', 'hem', 'het', 'hier', 'hij', 'hoe', 'hun', 'iemand', 'iets', 'ik', 'in',
  'is', 'ja', 'je', 'kan', 'kon', 'kunnen', 'maar', 'me', 'meer', 'men', 'met', 'mij', 'mijn', 'moet', 'na',
  'naar', 'niet', 'niets', 'nog', 'nu', 'of', 'om', 'omdat', 'onder', 'ons', 'ook', 'op', 'over', 'reeds',
  'te', 'tegen', 'toch', 'toen', 'tot', 'u', 'uit', 'uw', 'van', 'veel', 'voor', 'want', 'waren', 'was',
  'wat', 'werd', 'wezen', 'wie', 'wil', 'worden', 'wordt', 'zal', 'ze', 'zelf', 'zich', 'zij', 'zijn', 'zo',
  'zonder', 'zou',
]);

/** True when the folded word `word` carries no meaning on its own for retrieval. */
export function isDutchStopWord(word: string): boolean {
  return DUTCH_STOP_WORDS.has(word);
}
