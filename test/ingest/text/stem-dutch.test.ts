import { describe, expect, it } from 'vitest';
import { stemDutch } from '../../../ingest/text/stem-dutch.js';

// Outputs of the Snowball Dutch stemmer (rust-stemmers 1.x, the one LanceDB uses for "Dutch"); the
// implementation was also compared with a generated Snowball port on every word of the corpus.
const SNOWBALL_OUTPUTS: ReadonlyArray<[string, string]> = [
  ['klachten', 'klacht'],
  ['gemeenten', 'gemeent'],
  ['vergadert', 'vergadert'],
  ['opgelost', 'opgelost'],
  ['lichamelijk', 'licham'],
  ['lichamelijke', 'licham'],
  ['lichamelijkheden', 'licham'],
  ['lichamen', 'licham'],
  ['lichthoeveelheid', 'lichthoevel'],
  ['lichtdoorlatende', 'lichtdoorlat'],
  ['lichtende', 'lichtend'],
  ['lichtere', 'lichter'],
  ['lichters', 'lichter'],
  ['meedelingen', 'meedel'],
  ['meedeelde', 'meedeeld'],
  ['klachtenregeling', 'klachtenregel'],
  ['ondersteuning', 'ondersteun'],
  ['medewerkers', 'medewerker'],
  ['kinderen', 'kinder'],
  ['zorgvuldigheid', 'zorgvuld'],
  ['verantwoordelijkheden', 'verantwoord'],
  ['huishoudelijke', 'huishoud'],
  ['opleidingen', 'opleid'],
  ['eetbaar', 'eetbar'],
  ['maan', 'man'],
  ['kooien', 'kooi'],
  ['yoghurt', 'yoghurt'],
  ['oekraïense', 'oekraien'],
  ['financiële', 'financiel'],
  ['ideeën', 'ideeen'],
];

describe('stemDutch', () => {
  it.each(SNOWBALL_OUTPUTS)('stems %s to %s as Snowball does', (word, stem) => {
    expect(stemDutch(word)).toBe(stem);
  });

  it('leaves words of two letters alone', () => {
    expect(stemDutch('en')).toBe('en');
    expect(stemDutch('is')).toBe('is');
  });
});
