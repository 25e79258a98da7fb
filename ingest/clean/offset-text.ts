/**
 * Text that remembers where it came from. Every cleaning step turns one {@link OffsetText} into another, and
 * each character of the result keeps the offset of the original character it stands for, so a passage of
 * clean text can always be shown in the document's original wording.
 */

/**
 * Clean text with a map back into the original. `toOriginal[i]` is the original offset of character `i`;
 * `toOriginal[text.length]` is the original offset just past the end. The map never decreases, so a clean
 * span `[a, b)` stands for the original span `[toOriginal[a], toOriginal[b])`.
 */
export interface OffsetText {
  readonly text: string;
  readonly toOriginal: Int32Array;
}

/** A replacement of `[start, end)` of the current text by `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The original text itself, mapped onto itself. */
export function fromOriginal(text: string): OffsetText {
  const toOriginal = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) toOriginal[i] = i;
  return { text, toOriginal };
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a[i] === b[i]) i++;
  return i;
}

function commonSuffix(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < limit && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/**
 * Writes the map of one replacement. Characters the old and new text share at either end keep their own
 * offsets ("vastte" → "vast te" moves only the inserted space); a same-length change maps character by
 * character ("bi]" → "bij"); anything else maps to the start of the part that changed.
 */
function mapReplacement(source: OffsetText, edit: Edit, target: Int32Array, at: number): void {
  const old = source.text.slice(edit.start, edit.end);
  const map = source.toOriginal;
  if (old.length === edit.text.length) {
    for (let i = 0; i < old.length; i++) target[at + i] = map[edit.start + i] as number;
    return;
  }
  const prefix = commonPrefix(old, edit.text);
  const suffix = commonSuffix(old, edit.text, prefix);
  const changedAt = map[edit.start + prefix] as number;
  for (let i = 0; i < edit.text.length; i++) {
    if (i < prefix) target[at + i] = map[edit.start + i] as number;
    else if (i >= edit.text.length - suffix) target[at + i] = map[edit.end - (edit.text.length - i)] as number;
    else target[at + i] = changedAt;
  }
}

/**
 * Applies non-overlapping edits, given in any order, in one pass. Unchanged characters keep their mapping;
 * see {@link mapReplacement} for the replaced ones. Returns `source` itself when there is nothing to do.
 *
 * @throws RangeError when edits overlap or fall outside the text: a bug in the calling step.
 */
export function applyEdits(source: OffsetText, edits: readonly Edit[]): OffsetText {
  if (edits.length === 0) return source;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const length = sorted.reduce((total, edit) => total + edit.text.length - (edit.end - edit.start), source.text.length);
  const toOriginal = new Int32Array(length + 1);
  const pieces: string[] = [];
  let read = 0;
  let write = 0;
  for (const edit of sorted) {
    if (edit.start < read || edit.end < edit.start || edit.end > source.text.length) {
      throw new RangeError(`Overlapping or invalid edit [${edit.start}, ${edit.end}) after offset ${read}.`);
    }
    toOriginal.set(source.toOriginal.subarray(read, edit.start), write);
    pieces.push(source.text.slice(read, edit.start), edit.text);
    write += edit.start - read;
    mapReplacement(source, edit, toOriginal, write);
    write += edit.text.length;
    read = edit.end;
  }
  toOriginal.set(source.toOriginal.subarray(read), write);
  pieces.push(source.text.slice(read));
  return { text: pieces.join(''), toOriginal };
}

/**
 * Replaces every match of a global `pattern`. `replace` returns the new text for a match, or null to leave
 * it alone; a string works like `String.replace` without `$` patterns.
 */
export function replaceMatches(
  source: OffsetText,
  pattern: RegExp,
  replace: string | ((match: RegExpExecArray) => string | null),
): OffsetText {
  if (!pattern.global) throw new TypeError('replaceMatches needs a global pattern.');
  const edits: Edit[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(source.text); match !== null; match = pattern.exec(source.text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const text = typeof replace === 'string' ? replace : replace(match);
    if (text !== null && text !== match[0]) edits.push({ start: match.index, end: match.index + match[0].length, text });
  }
  return applyEdits(source, edits);
}

/** The original offset of clean offset `i` (0 ≤ i ≤ text.length). */
export function originalOffset(clean: OffsetText, i: number): number {
  if (i < 0 || i > clean.text.length) throw new RangeError(`Offset ${i} is outside the clean text.`);
  return clean.toOriginal[i] as number;
}

/** The original span a clean span stands for. */
export function originalSpan(clean: OffsetText, start: number, end: number): { start: number; end: number } {
  return { start: originalOffset(clean, start), end: originalOffset(clean, end) };
}

/**
 * The first clean offset whose original offset is at or after `original`: where an original position lands
 * in the clean text. Removed original text lands on the next character that survived.
 */
export function cleanOffset(clean: OffsetText, original: number): number {
  let low = 0;
  let high = clean.text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((clean.toOriginal[middle] as number) < original) low = middle + 1;
    else high = middle;
  }
  return low;
}
