import { describe, expect, it } from 'vitest';
import { foldText, isDutchStopWord } from '../../../ingest/text/analyze.js';
import { ANSWER_TYPES, classifyQuestion } from '../../../server/retrieve/answer-type.js';
import { parseAnswerWords } from '../../../server/retrieve/answer-words.js';
import { questionParts } from '../../../server/retrieve/question-parts.js';
import { WORDS } from '../../support/answer-parts.js';

/** Classifies a question, taking its content words to be the words after its first that are no stop words. */
function typeOf(question: string, language: 'nl' | 'en' = 'nl', years: number[] = []) {
  const folded = foldText(question).toLowerCase();
  const words = folded.replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter(Boolean).slice(1).filter((word) => !isDutchStopWord(word));
  return classifyQuestion(folded, language, words, years, WORDS);
}

describe('classifyQuestion', () => {
  it('gives figure types for question phrases and for the unit a question names first', () => {
    expect(typeOf('Hoeveel vrijwilligers telde de vereniging?').answerType).toBe('count');
    expect(typeOf('Hoeveel procent van de leden stemde voor?').answerType).toBe('percentage');
    expect(typeOf('Welke bedragen reserveert de stichting?').answerType).toBe('amount');
    expect(typeOf('Hoe hoog was het verzuimpercentage van de afdeling?').answerType).toBe('percentage');
    expect(typeOf('Wanneer opende het buurthuis?').answerType).toBe('date');
    expect(typeOf('How much did the renovation cost?', 'en').answerType).toBe('amount');
  });

  it('reads money anywhere as a question for an amount, but not a count of people in paid jobs', () => {
    expect(typeOf('Wat heeft de verbouwing gekost?').answerType).toBe('amount');
    expect(typeOf('Kreeg de club daar geld voor?').answerType).toBe('amount');
    expect(typeOf('Hoeveel deelnemers vonden een betaalde baan?').answerType).toBe('count');
  });

  it('tells who decides from who in general, and yes/no from description', () => {
    expect(typeOf('Wie beslist over de subsidieregeling?').answerType).toBe('who_decides');
    expect(typeOf('Wie is de voorzitter van de commissie?').answerType).toBe('actor');
    expect(typeOf('Is het aantal bezoekers gestegen?').answerType).toBe('yes_no');
    expect(typeOf('Waarom stopte het project?').answerType).toBe('description');
    expect(typeOf('Hoe verloopt de aanvraag?').answerType).toBe('procedure');
    expect(typeOf('Welke wijken doen mee?').answerType).toBe('list');
  });

  it('marks comparisons by their words or by two years, and says when the type is only the default', () => {
    expect(typeOf('Is het aantal bezoekers gestegen?').comparison).toBe(true);
    expect(typeOf('Hoeveel bezoekers in 2020 en 2021?', 'nl', [2020, 2021]).comparison).toBe(true);
    expect(typeOf('Hoeveel bezoekers in 2020?', 'nl', [2020]).comparison).toBe(false);
    expect(typeOf('En in 2021?').explicit).toBe(false);
    expect(typeOf('Hoeveel bezoekers?').explicit).toBe(true);
  });
});

describe('data/answer-words.json', () => {
  it('maps question phrases in both languages to answer types of the closed union', () => {
    for (const language of ['nl', 'en'] as const) {
      expect(WORDS.answerTypes[language].length).toBeGreaterThanOrEqual(20);
      for (const [phrase, type] of WORDS.answerTypes[language]) {
        expect(phrase).toBe(phrase.trim().toLowerCase());
        expect(ANSWER_TYPES).toContain(type);
      }
    }
  });

  it('rejects a file whose answer type is not in the union', () => {
    expect(() => parseAnswerWords('{"answerTypes":{"nl":{"hoeveel":"quantity"},"en":{}}}')).toThrow();
    expect(() => parseAnswerWords('not json')).toThrow(/geen geldige JSON/);
  });
});

describe('questionParts', () => {
  const parts = (question: string, language: 'nl' | 'en' = 'nl') => {
    const folded = foldText(question).toLowerCase();
    return questionParts(folded, language, WORDS).map(({ start, end }) => folded.slice(start, end));
  };

  it('splits a question that asks two things, before "en" + question word or after a question mark', () => {
    expect(parts('Wat is de Voedselbank, en voor wie is die bedoeld?')).toEqual(['wat is de voedselbank', 'voor wie is die bedoeld?']);
    expect(parts('Hoeveel leden zijn er? Hoeveel betalen ze?')).toEqual(['hoeveel leden zijn er', 'hoeveel betalen ze?']);
    expect(parts('How many staff are there, and who leads them?', 'en')).toEqual(['how many staff are there', 'who leads them?']);
  });

  it('keeps a question whole when "en" joins two things it asks about', () => {
    expect(parts('Hoeveel jongens en meisjes deden mee?')).toEqual(['hoeveel jongens en meisjes deden mee?']);
  });
});
