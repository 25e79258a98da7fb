/**
 * Splitting a document's clean text into readable sections by its passages' section paths. Consecutive
 * passages with the same path form one section; a section runs to where the next one starts, so no text is
 * lost between passages. Ancestors that never head a passage of their own still get a heading, so the table of
 * contents keeps the document's hierarchy.
 */

/**
 * @typedef {object} Section
 * @property {number} index
 * @property {string} title last element of the path ('' for text before the first heading)
 * @property {number} depth 1 for top-level sections
 * @property {string} text the section's text without its heading line
 * @property {number | null} page
 * @property {string | null} pageLabel
 */

/**
 * @param {string} text
 * @param {string} title
 */
function withoutHeading(text, title) {
  const trimmed = text.replace(/^\s+/, '');
  return title && trimmed.startsWith(title) ? trimmed.slice(title.length).replace(/^[ \t]*\r?\n?/, '') : trimmed;
}

/**
 * @param {string} text the document's clean text
 * @param {{ section: string[], cleanStart: number, page: number | null, pageLabel: string | null }[]} passages
 * @returns {Section[]}
 */
export function buildSections(text, passages) {
  /** @type {{ path: string[], start: number, page: number | null, pageLabel: string | null, headingOnly: boolean }[]} */
  const groups = [];
  /** @type {string[]} */
  let previous = [];
  for (const passage of [...passages].sort((a, b) => a.cleanStart - b.cleanStart)) {
    const path = passage.section;
    if (groups.length > 0 && path.join('\u0000') === previous.join('\u0000')) continue;
    // Ancestors new since the previous section head their children without text of their own.
    let shared = 0;
    while (shared < path.length - 1 && path[shared] === previous[shared]) shared += 1;
    for (let level = shared; level < path.length - 1; level += 1) {
      groups.push({ path: path.slice(0, level + 1), start: passage.cleanStart, page: passage.page, pageLabel: passage.pageLabel, headingOnly: true });
    }
    groups.push({ path, start: passage.cleanStart, page: passage.page, pageLabel: passage.pageLabel, headingOnly: false });
    previous = path;
  }
  // Text before the first passage (a title page) belongs to the first section with text.
  for (const group of groups) {
    group.start = 0;
    if (!group.headingOnly) break;
  }
  return groups.map((group, index) => {
    const next = groups.slice(index + 1).find((g) => !g.headingOnly);
    const end = group.headingOnly ? group.start : (next?.start ?? text.length);
    const title = group.path.at(-1) ?? '';
    return { index, title, depth: Math.max(1, group.path.length), text: withoutHeading(text.slice(group.start, Math.max(group.start, end)), title), page: group.page, pageLabel: group.pageLabel };
  });
}
