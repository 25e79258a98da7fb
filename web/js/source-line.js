/**
 * Answers as the griffie pastes them: plain text/Markdown with footnoted sources in the server's format
 * (server/answer/source-line.ts): "[1] Jaarverslag 2022 Stichting WIJ Groningen, § 5.2.1 Hoofdlijn financieel beleid, p. 30".
 */
import { countTables } from './markdown.js';
import { formatDate, strings } from './strings.js';
import { answerTableAsMarkdown } from './tables/pipe-table.js';

/**
 * The footnote line of a citation.
 * @param {{ n: number, title: string, section: string, page: number | null, pageLabel: string | null }} citation
 */
export function sourceLine(citation) {
  const section = citation.section ? `§ ${citation.section.split(' › ').at(-1)}` : '';
  const page = citation.page !== null && citation.page !== undefined ? `p. ${citation.pageLabel ?? citation.page}` : '';
  return `[${citation.n}] ${[citation.title, section, page].filter(Boolean).join(', ')}`;
}

/**
 * A passage reference without a number, for "mogelijk relevant" lists.
 * @param {{ title: string, section: string, page: number | null, pageLabel: string | null }} passage
 */
export function passageLine(passage) {
  return sourceLine({ ...passage, n: 0 }).replace(/^\[0\] /, '');
}

/**
 * One answered turn as text to copy: the answer with markers, then its footnotes.
 * @param {import('./chat/conversation.js').Turn} turn
 */
export function turnAsText(turn) {
  const text = strings();
  if (turn.status === 'not_found') {
    const lines = turn.passages.map((passage) => `- ${passageLine(passage)}`);
    return [text.notFoundTitle, lines.length ? `${text.mayBeRelevant}:\n${lines.join('\n')}` : ''].filter(Boolean).join('\n\n');
  }
  const footnotes = turn.citations.map(sourceLine).join('\n');
  // Structured tables the answer text does not already show go along as pipe tables.
  const tables = (turn.tables ?? []).slice(countTables(turn.answer)).map((table) => answerTableAsMarkdown(table, text.computed));
  const answer = [turn.answer.trim(), ...tables].join('\n\n');
  return footnotes ? `${answer}\n\n${footnotes}` : answer;
}

/**
 * The whole conversation as a Markdown document.
 * @param {import('./chat/conversation.js').Turn[]} turns
 * @param {Date} now
 * @param {string} [title] the conversation's name
 */
export function conversationAsMarkdown(turns, now = new Date(), title = '') {
  const text = strings();
  const today = formatDate(now.toISOString().slice(0, 10));
  const parts = [`# ${text.exportTitle}${title ? `: ${title.replace(/\s+/g, ' ')}` : ''}`, `_${text.exportedOn(today ?? '')}_`];
  turns.forEach((turn, index) => {
    const question = turn.question.split('\n').map((line) => `> ${line}`).join('\n');
    parts.push(`## ${text.exportQuestion(index + 1)}`, question, turn.error ? `${text.errorPrefix} ${turn.error}` : turnAsText(turn));
  });
  return `${parts.join('\n\n')}\n`;
}
