import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../ingest/clean/clean-document.js';
import { fromOriginal } from '../../../ingest/clean/offset-text.js';
import { removeFormBoilerplate } from '../../../ingest/clean/remove-form-boilerplate.js';
import { corpusLine, corpusLines, loadCorpus } from './corpus.js';

describe('removeFormBoilerplate', () => {
  const clean = cleanDocument(loadCorpus('003'));

  it('removes the template help "Als uw tekst niet meer in dit vak past, klik dan hier …"', () => {
    const line = corpusLine('003', 'Als uw tekst niet meer in dit vak past');
    const { text, removed } = removeFormBoilerplate(fromOriginal(`De raad besluit:\n\n${line}\n\nSamenvatting`));
    expect(text.text).toBe('De raad besluit:\n\n\nSamenvatting');
    expect(removed?.map((removal) => removal.kind)).toEqual(['form-boilerplate']);
  });

  it('removes the whole help paragraph about DIV and "ONTKOPPELEN" at the end of corpus/003', () => {
    expect(clean.text).not.toContain('Stuur het document naar DIV');
    expect(clean.text).not.toContain('ONTKOPPELEN');
    expect(clean.text).not.toContain('hulpteksten');
  });

  it('removes the empty field "LTA ja: Maand Jaar" and keeps "LTA nee: Niet op LTA"', () => {
    const { text } = removeFormBoilerplate(fromOriginal(corpusLines('003', 'LTA ja:', 2)));
    expect(text.text.trim()).toBe('LTA nee:  Niet op LTA');
  });

  it('removes the option list "Classificatie … Vertrouwelijk"', () => {
    const { text } = removeFormBoilerplate(fromOriginal(corpusLines('003', 'Classificatie', 5)));
    expect(text.text).not.toMatch(/Classificatie|Vertrouwelijk/);
    expect(text.text).toContain('Portefeuillehouder');
  });

  it('keeps filled-in fields and marks their label with a colon', () => {
    expect(clean.text).toContain('Onderwerp: Invulling taakstelling WIJ Groningen');
    expect(clean.text).toContain('Steller/telnr.: Rick Pos/ 6392');
    expect(clean.text).toContain('Portefeuillehouder: Gijsbertsen Raadscommissie: O&W');
    expect(clean.text).toContain('B&W-besluit d.d.: 28-05-2019');
  });

  it('leaves running text with a colon alone', () => {
    const line = corpusLine('003', 'Deze bestaan uit een combinatie van:');
    expect(removeFormBoilerplate(fromOriginal(line)).text.text).toBe(line);
  });
});
