/**
 * Cleaning a loaded document: the steps of this folder in the order they depend on each other, each a pure
 * function from text with an offset map to text with an offset map. The original text is never changed;
 * every character of the clean text maps back into it.
 */
import type { ChangeKind, CleanDocument, CleanHeading, Removal, StepResult } from './clean-types.js';
import { closeSentenceGaps } from './close-sentence-gaps.js';
import { dehyphenate } from './dehyphenate.js';
import { dutchShare } from './dutch-share.js';
import { extractMarkupHeadings, type MarkupHeadingSpan } from './markup-headings.js';
import { normaliseCharacters } from './normalise-characters.js';
import { normaliseWhitespace } from './normalise-whitespace.js';
import { cleanOffset, fromOriginal, type OffsetText } from './offset-text.js';
import { restoreOcrBullets } from './ocr/bullets.js';
import { removeOcrFootnoteMarkers } from './ocr/footnote-markers.js';
import { splitGluedWords } from './ocr/glued-words.js';
import { correctOcrLetters } from './ocr/letter-confusions.js';
import { fixOcrWordBoundaries } from './ocr/word-boundaries.js';
import { removeFormBoilerplate } from './remove-form-boilerplate.js';
import { removePageFurniture } from './remove-page-furniture.js';
import { removeTableOfContents } from './remove-table-of-contents.js';
import { stripInlineMarkup } from './strip-inline-markup.js';
import { undoubleLineSpacing } from './undouble-line-spacing.js';
import { loadDutchLexicon, type DutchLexicon } from '../text/dutch-lexicon.js';
import type { LoadedDocument } from '../types.js';

/** A step of the pipeline with the kind its edits are counted under. */
interface Step {
  kind: ChangeKind;
  run(text: OffsetText): StepResult;
}

/** Below this share of known words a text is not Dutch enough for lexicon-driven OCR repairs. */
export const DUTCH_SHARE_FOR_OCR_REPAIR = 0.5;

function steps(loaded: LoadedDocument, lexicon: DutchLexicon, headings: MarkupHeadingSpan[]): Step[] {
  const dutch = dutchShare(loaded.text, lexicon) >= DUTCH_SHARE_FOR_OCR_REPAIR;
  const ifDutch = (run: Step['run']): Step['run'] => (dutch ? run : (text) => ({ text, count: 0 }));
  return [
    { kind: 'characters', run: normaliseCharacters },
    // Layout decisions need the blank lines and column spacing as extracted.
    { kind: 'line-spacing', run: undoubleLineSpacing },
    { kind: 'form-boilerplate', run: removeFormBoilerplate },
    { kind: 'whitespace', run: normaliseWhitespace },
    {
      kind: 'markup',
      run: (text) => {
        const found = extractMarkupHeadings(text);
        headings.push(...found.headings);
        return found;
      },
    },
    { kind: 'markup', run: stripInlineMarkup },
    { kind: 'table-of-contents', run: removeTableOfContents },
    { kind: 'page-footer', run: (text) => removePageFurniture(text, loaded.pages) },
    { kind: 'whitespace', run: normaliseWhitespace },
    // Words broken at line ends are joined before OCR fixes, which would otherwise "repair" the halves.
    { kind: 'dehyphenation', run: (text) => dehyphenate(text, lexicon) },
    { kind: 'footnote-marker', run: removeOcrFootnoteMarkers },
    { kind: 'ocr-punctuation', run: restoreOcrBullets },
    { kind: 'ocr-characters', run: ifDutch((text) => correctOcrLetters(text, lexicon)) },
    { kind: 'ocr-word-boundaries', run: ifDutch((text) => splitGluedWords(text, lexicon)) },
    { kind: 'ocr-word-boundaries', run: ifDutch((text) => fixOcrWordBoundaries(text, lexicon)) },
    { kind: 'line-spacing', run: closeSentenceGaps },
    { kind: 'whitespace', run: normaliseWhitespace },
  ];
}

/** Maps markup headings from original to clean offsets; a heading whose text was removed entirely is dropped. */
function cleanHeadings(clean: OffsetText, spans: readonly MarkupHeadingSpan[]): CleanHeading[] {
  return spans.flatMap((span) => {
    const start = cleanOffset(clean, span.start);
    const end = cleanOffset(clean, span.end);
    const text = clean.text.slice(start, end).trim();
    return text === '' ? [] : [{ start, end, level: span.level, text }];
  });
}

/**
 * Cleans the original text of a loaded document: characters and whitespace, page furniture, form
 * boilerplate, markup (headings kept as {@link CleanDocument.headings}), contents lines, line-end hyphens and
 * OCR noise. Pure apart from loading the shared lexicon once; `lexicon` can be passed in for tests.
 */
export function cleanDocument(loaded: LoadedDocument, lexicon: DutchLexicon = loadDutchLexicon()): CleanDocument {
  const headingSpans: MarkupHeadingSpan[] = [];
  const counts = new Map<ChangeKind, number>();
  const removed: Removal[] = [];
  let text = fromOriginal(loaded.text);
  for (const step of steps(loaded, lexicon, headingSpans)) {
    const result = step.run(text);
    text = result.text;
    for (const removal of result.removed ?? []) counts.set(removal.kind, (counts.get(removal.kind) ?? 0) + 1);
    // Removals are counted under their own kind; the step's kind gets the other edits.
    const other = result.count - (result.removed?.length ?? 0);
    if (other > 0) counts.set(step.kind, (counts.get(step.kind) ?? 0) + other);
    removed.push(...(result.removed ?? []));
  }
  return {
    text: text.text,
    toOriginal: text.toOriginal,
    headings: cleanHeadings(text, headingSpans),
    removed: removed.sort((a, b) => a.start - b.start),
    changes: [...counts].map(([kind, count]) => ({ kind, count })),
  };
}
