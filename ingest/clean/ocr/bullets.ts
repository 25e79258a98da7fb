/**
 * OCR reads the bullet "•" as a lone "e" at the start of a line (corpus/002: "e de ervaringen van
 * medewerkers …" between lines that start with "•"). Dutch has no word "e", so in a document that uses "•"
 * bullets a line starting with "e " is a bullet item.
 */
import type { StepResult } from '../clean-types.js';
import { replaceMatches, type OffsetText } from '../offset-text.js';

const BULLET_LINE = /^• /gm;
const MISREAD_BULLET = /^e(?= [\p{L}(])/gmu;
const MIN_BULLETS = 3;

/** Turns misread bullets back into "•" when the document has real ones. */
export function restoreOcrBullets(source: OffsetText): StepResult {
  if ((source.text.match(BULLET_LINE)?.length ?? 0) < MIN_BULLETS) return { text: source, count: 0 };
  let count = 0;
  const text = replaceMatches(source, MISREAD_BULLET, () => {
    count++;
    return '•';
  });
  return { text, count };
}
