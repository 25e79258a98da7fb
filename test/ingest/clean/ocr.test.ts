import { describe, expect, it } from 'vitest';
import { fromOriginal } from '../../../ingest/clean/offset-text.js';
import { restoreOcrBullets } from '../../../ingest/clean/ocr/bullets.js';
import { removeOcrFootnoteMarkers } from '../../../ingest/clean/ocr/footnote-markers.js';
import { splitGluedWords } from '../../../ingest/clean/ocr/glued-words.js';
import { correctOcrLetters, correctOcrWord } from '../../../ingest/clean/ocr/letter-confusions.js';
import { fixOcrWordBoundaries } from '../../../ingest/clean/ocr/word-boundaries.js';
import { loadDutchLexicon } from '../../../ingest/text/dutch-lexicon.js';
import { corpusLine, corpusLines } from './corpus.js';

const lexicon = loadDutchLexicon();
const letters = (text: string) => correctOcrLetters(fromOriginal(text), lexicon).text.text;
const boundaries = (text: string) => fixOcrWordBoundaries(fromOriginal(text), lexicon).text.text;
const glued = (text: string) => splitGluedWords(fromOriginal(text), lexicon).text.text;

describe('correctOcrLetters', () => {
  it('fixes "bi]", "weIke" and "WlJ-teams" in real lines of corpus/002', () => {
    expect(letters(corpusLine('002', 'opgehaald bi] uw raad'))).toContain('opgehaald bij uw raad');
    expect(letters(corpusLine('002', 'onderzoeken in weIke'))).toContain('onderzoeken in welke');
    expect(letters(corpusLine('002', 'vanuit de WlJ-teams kunnen'))).toContain('vanuit de WIJ-teams kunnen');
  });

  it.each([
    ['bijiage', 'bijlage'],
    ['hoofdiijnen', 'hoofdlijnen'],
    ['gemeenteliike', 'gemeentelijke'],
    ['gestaite', 'gestalte'],
    ['mijipalen', 'mijlpalen'],
    ['zaI', 'zal'],
    ['continuTteit', 'continuïteit'],
    ['gemtegreerd', 'geïntegreerd'],
    ['specialist!sche', 'specialistische'],
    ['Aigemene', 'Algemene'],
  ])('corrects "%s" to "%s"', (word, corrected) => {
    expect(correctOcrWord(word, lexicon)).toBe(corrected);
  });

  it.each(['Gijsbertsen', 'Elker', 'Wlz', 'WIz', 'heid', 'Oosterkamp', 'outreachend', 'uitvoering]'])('leaves "%s" alone', (word) => {
    expect(correctOcrWord(word, lexicon)).toBeNull();
  });

  it('never touches figures, even odd ones ("2. 224", "18.320€")', () => {
    const line = `${corpusLine('001', '2. 224')} ${corpusLine('001', 'Pilot Buurtpreventiecoach Schildersbuurt 18.320€')}`;
    expect(letters(line)).toBe(line);
  });
});

describe('fixOcrWordBoundaries', () => {
  it('joins letters OCR spaced apart ("wi j", "Maatschappel i jk", "part ic ipat ie")', () => {
    expect(boundaries(corpusLine('002', 'hebben wi j'))).toMatch(/hebben wij $/);
    expect(boundaries(corpusLine('002', 'Maatschappel i jk'))).toBe('Maatschappelijk draagvlak en participatie ');
  });

  it('moves a misplaced space ("ui tde" → "uit de", "ti jdelijkvan" → "tijdelijk van")', () => {
    expect(boundaries(corpusLine('002', 'ui tde Participatiewet'))).toContain('onderdelen uit de Participatiewet');
    expect(boundaries(corpusLine('002', 'ti jdelijkvan'))).toContain('regie tijdelijk van aard');
  });

  it('splits words glued to a function word ("notiesin", "Hetinrichten", "structuurisindatkader", "opde")', () => {
    expect(boundaries(corpusLine('002', 'notiesin'))).toContain('Belangrijke noties in dat kader');
    expect(boundaries(corpusLine('002', 'Hetinrichten'))).toContain('Het inrichten van een nieuwe governance-structuur is in dat kader');
    expect(boundaries(corpusLine('003', 'voorbeslag opde'))).toContain('voorbeslag op de begroting');
  });

  it.each([
    ['a bullet "o" before a word', 'o de gemeente in een controlerende rol;'],
    ['a word next to an unknown one', 'Langetermijn agenda'],
    ['an unknown plural before "en"', 'in specialismes en extra inzet'],
    ['an unknown verb ending in "en"', 'kans op succesvolle teruggeleiden naar'],
    ['an unknown word without function word', 'Wij hanteren een pitchmethode.'],
    ['a name', "bijeenkomst van 'Stadadviseert' waar"],
    ['an abbreviation', 'gegeven in het ISK aan leerlingen'],
    ['two unknown English words', '(Evidence based werken)'],
  ])('leaves %s alone: "%s"', (_, text) => {
    expect(boundaries(text)).toBe(text);
  });
});

describe('splitGluedWords', () => {
  it('splits "vastte stellen": "vast" + "stellen" is the separable verb "vaststellen"', () => {
    expect(glued(corpusLine('002', 'vastte stellen'))).toContain("regie WIJ Groningen' vast te stellen.");
  });

  it('keeps "behoefte ten" and "gemeente ten": no separable verb there', () => {
    expect(glued('Daaraan ligt de behoefte ten grondslag')).toBe('Daaraan ligt de behoefte ten grondslag');
    expect(glued('van gemeente ten opzichte van')).toBe('van gemeente ten opzichte van');
  });

  it('separates a word from a year glued to it, without changing the year ("in2018", "maart2012")', () => {
    expect(glued(corpusLine('002', 'beslag in2018'))).toContain('beslag in 2018.');
    expect(glued(corpusLine('002', 'maart2012'))).toContain('raad in maart 2012;');
  });

  it('splits two capitalised words glued together and adds the space lost after a comma', () => {
    expect(glued('OverigAfhankelijkheidsrelaties')).toBe('Overig Afhankelijkheidsrelaties');
    expect(glued(corpusLine('002', "nota's,dat"))).toContain("nota's, dat de uitvoering");
    expect(glued('1,5 miljoen en 3,940 miljoen')).toBe('1,5 miljoen en 3,940 miljoen');
  });

  it('joins the spaced abbreviation "Wl J-organisatie" into "WIJ-organisatie"', () => {
    expect(glued(corpusLine('002', 'Wl J-organisatie'))).toContain('op te richten WIJ-organisatie');
  });
});

describe('removeOcrFootnoteMarkers', () => {
  it('removes "^" markers in and after words and keeps the words apart ("society^en")', () => {
    const { text, removed } = removeOcrFootnoteMarkers(fromOriginal(corpusLine('002', 'civil society^en')));
    expect(text.text).toContain('civil society en de');
    expect(removed?.length).toBe(1);
    expect(removeOcrFootnoteMarkers(fromOriginal(corpusLine('002', 'ondersteuningstaken^ en'))).text.text).toContain('ondersteuningstaken en -verantwoordelijkheden');
  });

  it('removes the marker that opens a footnote and misread markers with a circumflex', () => {
    expect(removeOcrFootnoteMarkers(fromOriginal(corpusLine('002', '^ Ondersteuning omvat'))).text.text).toMatch(/^Ondersteuning omvat/);
    expect(removeOcrFootnoteMarkers(fromOriginal(corpusLine('002', 'De regionale bestuurlijke discussie'))).text.text).toMatch(/^ ?De regionale/);
    expect(removeOcrFootnoteMarkers(fromOriginal(corpusLine('002', 'Groningen^"'))).text.text).toContain('De toekomstige WIJ Groningen bouwt voort');
  });
});

describe('restoreOcrBullets', () => {
  it('turns a line-initial "e" among "•" items back into a bullet (corpus/002)', () => {
    const original = corpusLines('002', '• de verdeling en afbakening van taken', 9);
    const { text } = restoreOcrBullets(fromOriginal(`${original}\n• a\n• b`));
    expect(text.text).toContain('\n• de ervaringen van medewerkers van de WlJ-teams');
    expect(text.text).not.toMatch(/^e /m);
  });

  it('leaves a document without real bullets alone', () => {
    const text = 'e de ervaringen\nDe tekst';
    expect(restoreOcrBullets(fromOriginal(text)).text.text).toBe(text);
  });
});
