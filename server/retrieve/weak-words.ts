/**
 * Words that make a question grammatical rather than say what it is about: auxiliary and modal verbs, vague
 * verbs and fillers ("zouden", "moesten", "kregen", "eigenlijk", "precies"). The Snowball stop list keeps
 * them; in a question they would otherwise weigh as much as its subject.
 */
const WEAK = new Set([
  'kan', 'kon', 'konden', 'kunnen', 'kunt', 'moet', 'moest', 'moesten', 'moeten', 'mag', 'mocht', 'mochten', 'mogen', 'wil', 'wilde',
  'wilden', 'willen', 'wilt', 'zal', 'zou', 'zouden', 'zullen', 'zult', 'heeft', 'hebt', 'had', 'hadden', 'hebben', 'ben', 'bent', 'zijn',
  'was', 'waren', 'wordt', 'werd', 'werden', 'worden', 'geworden', 'gaat', 'ging', 'gingen', 'gaan', 'gegaan', 'komt', 'kwam', 'kwamen',
  'komen', 'gekomen', 'doet', 'deed', 'deden', 'doen', 'gedaan', 'staat', 'stond', 'stonden', 'staan', 'gestaan', 'ligt', 'lag', 'liggen',
  'blijft', 'bleef', 'bleven', 'blijven', 'gebleven', 'zit', 'zat', 'zaten', 'zitten', 'eigenlijk', 'precies', 'ongeveer', 'nou', 'even',
  'gewoon', 'echt', 'ergens', 'iets', 'allemaal', 'welk', 'soort', 'zoal', 'zoals', 'erover', 'eruit', 'ermee', 'erin', 'daarover',
  'daarvan', 'hiervan', 'toen', 'inmiddels', 'uiteindelijk', 'nog', 'steeds', 'ooit', 'weer', 'moment', 'manier', 'krijgt', 'krijgen',
  'voert', 'voerde', 'voerden', 'voeren', 'uitvoeren', 'uitvoert', 'uitgevoerd', 'draait', 'draaien', 'loopt', 'liep', 'lopen',
  'gebeurt', 'gebeurde', 'gebeuren', 'heet', 'heten', 'noemt', 'noemen', 'betreft', 'precies', 'volgens', 'zie', 'ziet', 'bleek', 'bleken', 'blijkt', 'lijkt', 'leek',
]);

/** True for a folded word that says little about a question's subject. */
export function isWeakWord(word: string): boolean {
  return WEAK.has(word);
}
