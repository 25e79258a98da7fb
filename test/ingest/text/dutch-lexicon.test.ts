import { describe, expect, it } from 'vitest';
import { createDutchLexicon, loadDutchLexicon, normaliseWord } from '../../../ingest/text/dutch-lexicon.js';

const lexicon = loadDutchLexicon();

// A tiny dictionary in the same format, to pin down the affix and compound rules without the real one.
const TINY_AFF = `SET UTF-8
FLAG long
COMPOUNDBEGIN Ca
COMPOUNDMIDDLE Cb
COMPOUNDEND Cc
COMPOUNDPERMITFLAG Cp
ONLYINCOMPOUND Cx
FORBIDDENWORD Fw
CHECKCOMPOUNDPATTERN oon werk

SFX Za Y 1
SFX Za 0 s .

SFX Ch Y 1
SFX Ch 0 s/CaCbCxCp .

SFX Zb Y 2
SFX Zb 0 en/CaCbCp [^eo]
SFX Zb 0 ën/CaCbCp [eo]

PFX Pb Y 1
PFX Pb 0 aan .
`;
const TINY_DIC = `8
bĳlage/CcZa
gebied/CcCh
team/CcCaZa
kind/CcCaZb
kader/CcCa
woon/Ca
werk/CcCaPb
tekort/Fw
`;

describe('loadDutchLexicon', () => {
  it('returns one shared lexicon', () => {
    expect(loadDutchLexicon()).toBe(lexicon);
  });
});

describe('has', () => {
  it.each(['bijlage', 'bijlagen', 'Bijlage', 'BIJLAGE', 'gemeentelijke', 'welke', 'kinderen', 'vaststellen', 'pijlers', 'oplossing'])(
    'knows "%s"',
    (word) => expect(lexicon.has(word)).toBe(true),
  );

  it.each(['bi]', 'weIke', 'bijiage', 'gestaite', 'notiesin', 'opde', 'Hetinrichten', 'pitchmethode'])('does not know "%s"', (word) => {
    expect(lexicon.has(word)).toBe(false);
  });

  it('reads the ligature ĳ as ij, and ignores diacritics', () => {
    expect(lexicon.has('bĳlage')).toBe(true);
    expect(lexicon.has('continuïteit')).toBe(true);
    expect(lexicon.has('continuiteit')).toBe(true);
    expect(lexicon.has('efficienter')).toBe(true);
  });

  it('rejects forms the dictionary only allows inside a compound', () => {
    expect(lexicon.has('gespreks')).toBe(false);
    expect(lexicon.isCompound('gesprekspartner')).toBe(true);
  });
});

describe('splitCompound', () => {
  it.each([
    ['geldmiddelen', ['geld', 'middelen']],
    ['egalisatiereserve', ['egalisatie', 'reserve']],
    ['exploitatietekort', ['exploitatie', 'tekort']],
    ['gebiedsteams', ['gebied', 'teams']],
    ['Afhankelijkheidsrelaties', ['Afhankelijkheid', 'relaties']],
    ['WIJ-teams', ['WIJ', 'teams']],
  ])('splits "%s"', (word, parts) => {
    expect(lexicon.splitCompound(word)).toEqual(parts);
  });

  it.each(['hetvertrekpunt', 'structuurisindatkader', 'metgebiedsteams', 'kaderkader', 'pitchmethode'])(
    'finds no compound in "%s", whose parts are function words or nonsense',
    (word) => {
      expect(lexicon.splitCompound(word)).toBeNull();
      expect(lexicon.isCompound(word)).toBe(false);
    },
  );

  it('keeps the spelling of the input in the parts, ligature spelled out', () => {
    expect(lexicon.splitCompound('Wĳkteams')).toEqual(['Wijk', 'teams']);
  });

  it('splits long real compounds but treats a word over 64 letters as none, so a pasted blob costs no search', () => {
    expect(lexicon.splitCompound('arbeidsmarktbemiddelingsorganisaties')).toEqual(['arbeidsmarkt', 'bemiddeling', 'organisaties']);
    expect(lexicon.splitCompound('beleidsplan'.repeat(6))).toBeNull();
    expect(lexicon.isKnown('geldmiddelen'.repeat(20))).toBe(false);
  });
});

describe('createDutchLexicon', () => {
  const tiny = createDutchLexicon(TINY_AFF, TINY_DIC);

  it('applies suffixes with their conditions in reverse', () => {
    expect(tiny.has('bijlagen')).toBe(false);
    expect(tiny.has('bijlages')).toBe(true);
    expect(tiny.has('kinderen')).toBe(false);
    expect(tiny.has('kinden')).toBe(true);
  });

  it('applies prefixes only to stems that allow them', () => {
    expect(tiny.has('aanwerk')).toBe(true);
    expect(tiny.has('aankader')).toBe(false);
  });

  it('follows the compound flags: begin, end, linking forms and forms only valid inside a compound', () => {
    expect(tiny.splitCompound('gebiedsteams')).toEqual(['gebied', 'teams']);
    expect(tiny.splitCompound('kindenkader')).toEqual(['kinden', 'kader']);
    expect(tiny.has('gebieds')).toBe(false);
    // "bijlage" may end a compound but not begin one.
    expect(tiny.isCompound('bijlageteam')).toBe(false);
    expect(tiny.isCompound('teambijlage')).toBe(true);
  });

  it('honours forbidden words, duplicate parts and forbidden joins', () => {
    expect(tiny.has('tekort')).toBe(false);
    expect(tiny.isCompound('kaderkader')).toBe(false);
    expect(tiny.isCompound('woonwerk')).toBe(false);
    expect(tiny.isCompound('woonkader')).toBe(true);
  });
});

describe('normaliseWord', () => {
  it('lower-cases, folds diacritics and spells out the ligature', () => {
    expect(normaliseWord('Bĳlage')).toBe('bijlage');
    expect(normaliseWord('Oekraïense')).toBe('oekraiense');
  });
});
