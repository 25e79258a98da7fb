/**
 * The column header of a quoted table row. A row like "Liquide middelen 4.470.460 5.769.326" only says which
 * figure is which year with its header ("ACTIVA 2022 2021"), so the generation prompt shows the header and the
 * citation check counts its figures as quoted.
 */

/**
 * When the quote is a whole line of its passage: the passage's first line if it names years (a table passage repeats
 * its header first), else the nearest line of column headers above the quote (a table under a heading).
 */
export function quoteColumns(citation: { quote: string; text: string }): string | undefined {
  const lines = citation.text.split('\n');
  const at = lines.indexOf(citation.quote);
  if (at <= 0) return undefined;
  if (/\b(?:19|20)\d\d\b/.test(lines[0] as string)) return lines[0];
  for (let i = at - 1; i > 0; i--) if (namesColumns(lines[i] as string)) return lines[i];
  return undefined;
}

/** A line of column headers: years, with at most a few words ("ACTIVA 2023 2022", "Begroting 2024 Realisatie 2023"). */
function namesColumns(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  const years = tokens.filter((t) => /^(?:19|20)\d\d$/.test(t)).length;
  const others = tokens.length - years;
  return years >= 1 && others <= 4 && !tokens.some((t) => /\d/.test(t) && !/^(?:19|20)\d\d$/.test(t));
}
