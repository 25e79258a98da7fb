/**
 * The column header of a quoted table row. A row like "Liquide middelen 4.470.460 5.769.326" only says which
 * figure is which year with its header ("ACTIVA 2022 2021"), so the generation prompt shows the header and the
 * citation check counts its figures as quoted.
 */

/** The passage's first line when the quote is a whole other line of it and that first line names years. */
export function quoteColumns(citation: { quote: string; text: string }): string | undefined {
  const lines = citation.text.split('\n');
  const header = lines[0];
  if (!header || header === citation.quote || !lines.includes(citation.quote)) return undefined;
  return /\b(?:19|20)\d\d\b/.test(header) ? header : undefined;
}
