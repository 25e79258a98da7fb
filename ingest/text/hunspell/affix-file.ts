/**
 * Reading a Hunspell affix file (.aff): the prefix and suffix rules and the flags that govern compounding.
 * Only what reverse lookup and compound splitting need is kept; suggestion settings are ignored.
 */

/** One line of an SFX or PFX class: strip `strip`, add `add`, when the stem matches `condition`. */
export interface AffixRule {
  flag: string;
  strip: string;
  add: string;
  /** Flags the affixed form carries (e.g. compound flags), concatenated. */
  continuation: string;
  /** Tested against the stem's end (suffix) or start (prefix); null means any stem. */
  condition: RegExp | null;
  /** Whether the rule combines with an affix of the other kind. */
  crossProduct: boolean;
}

/** The special flags of a dictionary, each in the file's flag syntax ("" when the file does not set it). */
export interface AffixFlags {
  compoundBegin: string;
  compoundMiddle: string;
  compoundEnd: string;
  compoundPermit: string;
  onlyInCompound: string;
  forbidden: string;
}

/** The parsed affix file. Strings are already passed through the caller's `normalise`. */
export interface AffixFile {
  suffixes: AffixRule[];
  prefixes: AffixRule[];
  flags: AffixFlags;
  /** Characters per flag: 2 for `FLAG long`, 1 for the default single-character flags. */
  flagWidth: 1 | 2;
  /**
   * CHECKCOMPOUNDPATTERN pairs without flags: no compound may join a part ending in `end` to a part starting
   * with `begin` ("woon" + "werkverkeer" is written "woon-werkverkeer").
   */
  forbiddenJoins: { end: string; begin: string }[];
}

const FLAG_KEYS: Record<string, keyof AffixFlags> = {
  COMPOUNDBEGIN: 'compoundBegin',
  COMPOUNDMIDDLE: 'compoundMiddle',
  COMPOUNDEND: 'compoundEnd',
  COMPOUNDPERMITFLAG: 'compoundPermit',
  ONLYINCOMPOUND: 'onlyInCompound',
  FORBIDDENWORD: 'forbidden',
};

function buildCondition(condition: string | undefined, kind: 'SFX' | 'PFX', normalise: (text: string) => string): RegExp | null {
  if (condition === undefined || condition === '.') return null;
  const pattern = normalise(condition);
  return new RegExp(kind === 'SFX' ? `(?:${pattern})$` : `^(?:${pattern})`, 'u');
}

function parseRule(fields: string[], crossProduct: boolean, normalise: (text: string) => string): AffixRule {
  const [kind, flag = '', strip = '0', addField = '0', condition] = fields;
  const slash = addField.indexOf('/');
  const add = slash === -1 ? addField : addField.slice(0, slash);
  return {
    flag,
    strip: strip === '0' ? '' : normalise(strip),
    add: add === '0' || add === '' ? '' : normalise(add),
    continuation: slash === -1 ? '' : addField.slice(slash + 1),
    condition: buildCondition(condition, kind === 'PFX' ? 'PFX' : 'SFX', normalise),
    crossProduct,
  };
}

/**
 * Parses the text of an .aff file. `normalise` is applied to affix strings and conditions so lookups can
 * work on folded words (lower case, no diacritics, "ij" for the ligature).
 */
export function parseAffixFile(text: string, normalise: (text: string) => string): AffixFile {
  const file: AffixFile = {
    suffixes: [],
    prefixes: [],
    flags: { compoundBegin: '', compoundMiddle: '', compoundEnd: '', compoundPermit: '', onlyInCompound: '', forbidden: '' },
    flagWidth: 1,
    forbiddenJoins: [],
  };
  const crossProducts = new Map<string, boolean>();
  for (const rawLine of text.split('\n')) {
    const fields = rawLine.replace(/#.*$/, '').trim().split(/\s+/);
    const [key, first, second] = fields;
    if (key === undefined || first === undefined) continue;
    if (key === 'FLAG') file.flagWidth = first === 'long' ? 2 : 1;
    const flagKey = FLAG_KEYS[key];
    if (flagKey) file.flags[flagKey] = first;
    if (key === 'CHECKCOMPOUNDPATTERN' && second !== undefined && !/\//.test(first + second)) {
      file.forbiddenJoins.push({ end: normalise(first), begin: normalise(second) });
    }
    if (key !== 'SFX' && key !== 'PFX') continue;
    // A class header is "SFX flag Y|N count"; its rules follow with the same flag.
    if (fields.length === 4 && (second === 'Y' || second === 'N') && /^\d+$/.test(fields[3] ?? '')) {
      crossProducts.set(`${key} ${first}`, second === 'Y');
      continue;
    }
    const rule = parseRule(fields, crossProducts.get(`${key} ${first}`) ?? false, normalise);
    (key === 'SFX' ? file.suffixes : file.prefixes).push(rule);
  }
  return file;
}

/** Whether `flags` (concatenated flags of width `width`) contains `flag`, aligned to flag boundaries. */
export function hasFlag(flags: string, flag: string, width: 1 | 2): boolean {
  if (flag === '') return false;
  for (let i = 0; i + width <= flags.length; i += width) {
    if (flags.startsWith(flag, i)) return true;
  }
  return false;
}
