/**
 * The chunking settings an index is built with, recorded in its manifest. Bump `version` whenever structure
 * detection or chunking changes what passages look like, so old indexes are refused rather than mixed.
 */
import type { IndexSettings } from '../types.js';
import { DEFAULT_LIMITS } from './chunk-units.js';

/** Current chunking settings. */
export const CHUNKING: IndexSettings['chunking'] = {
  // 4: table passages keep their structure (columns, unit, rows and cells) in a `table` column.
  // 5: table headers found over group labels and in rows, tables read in parts; passages and their tables differ.
  version: 5,
  minWords: DEFAULT_LIMITS.minWords,
  maxWords: DEFAULT_LIMITS.maxWords,
  maxChars: DEFAULT_LIMITS.maxChars,
};
