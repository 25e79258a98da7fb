/**
 * The registry of the answer pipeline's rules. Every heuristic the pipeline applies is named here with its stage and
 * the general reason it exists; the stages record the rules that fired for a question, and the response carries
 * that trace (`query.rules`), so an answer can always be explained by the rules behind it.
 */

/** The stages of the answer pipeline, in order. */
export type Stage = 'candidates' | 'features' | 'expansion' | 'gate' | 'selection' | 'render';

/** A rule: its stage and why it exists. */
export interface RuleInfo {
  stage: Stage;
  why: string;
}

/** Every rule of the pipeline. */
export const RULES = {
  'top-passages': { stage: 'candidates', why: 'The sentences of the best-ranked passages are the candidates; the rest of the ranking is offered as "possibly relevant".' },
  'next-passage-list': { stage: 'candidates', why: 'A list whose lead-in ends a passage goes on in the next passage of the same document.' },
  'typed-value': { stage: 'features', why: 'A question for an amount, count, percentage, date, body or list is answered by a sentence holding a value of that kind; an organisation a responsibility predicate names ("X is verantwoordelijk voor") is a body whatever its name; a line among three or more short lines without full stops is an entry of a list or a table read as text.' },
  'anchored-value': { stage: 'features', why: 'The value must stand next to the question’s words, or it is a figure about something else; a date stands next to every word of its clause, which it places in time; a list item next to its lead-in; a value alone on its line next to the line above it.' },
  'missing-concept': { stage: 'features', why: 'A sentence that lacks the question’s informative words (in its text, section or document) speaks about something else.' },
  antecedent: { stage: 'expansion', why: 'A sentence that opens with a referring word ("Dit bedrag …") is quoted with the sentence it refers to.' },
  continuation: { stage: 'expansion', why: 'A following sentence that leans on a chosen one ("Hieraan deden … mee") completes it.' },
  'list-items': { stage: 'expansion', why: 'A lead-in ending in a colon is answered by the items that follow it, also into the next passage.' },
  'table-siblings': { stage: 'expansion', why: 'Other rows of the same table that name the question’s subject belong with a chosen row.' },
  'table-totals': { stage: 'expansion', why: 'A question that asks for a total is answered by the totals rows of the table whose row it quotes ("Totaal", "Totale lasten"), not by one of the rows they sum.' },
  'same-label-rows': { stage: 'expansion', why: 'Rows with the same label in other tables of the document (balance, specification, annex) give the other figures of the same item.' },
  'item-row': { stage: 'expansion', why: 'A money question about an item described in a numbered section of its own is answered by the item’s row in the document’s tables.' },
  'conflicting-figures': { stage: 'expansion', why: 'When documents state different counts of the asked-about thing, each is quoted with its source.' },
  'no-passages': { stage: 'gate', why: 'Nothing was retrieved.' },
  'unknown-name': { stage: 'gate', why: 'A capitalised name that no document uses cannot be answered from the documents.' },
  'unknown-subject': { stage: 'gate', why: 'When no document uses any word the question is about (nor a synonym or translation), the documents cannot speak to it.' },
  'year-not-covered': { stage: 'gate', why: 'A question about years none of the documents speaks of (later, earlier, or skipped) is refused.' },
  'support-model': { stage: 'gate', why: 'A calibrated model over coverage, missing concepts, typed and anchored value, years, names, rank and margin decides whether the best candidate answers.' },
  'best-first': { stage: 'selection', why: 'The answer opens with the candidate that answers best.' },
  'adds-concept': { stage: 'selection', why: 'A further sentence is quoted when it names an informative concept the chosen ones lack.' },
  'other-document': { stage: 'selection', why: 'A further sentence from another document gives the second source a cross-document question asks for.' },
  'question-parts': { stage: 'selection', why: 'A question that asks two things ("…, en hoeveel…?") gets the best sentence for each part, scored with that part’s own answer type and words.' },
  'other-passage': { stage: 'selection', why: 'The best sentence of another well-ranked passage is quoted too, so the answer does not rest on one passage alone.' },
  'passage-figures': { stage: 'selection', why: 'The other figures of the asked kind that the best sentence’s passage states next to the question’s words (the year before, the parts of a total) belong with it, however low they score on their own.' },
  'more-figures': { stage: 'selection', why: 'A question is served by every well-scoring figure next to its words, not a single one: a figure question by values of its kind and the figures beside them (the cost beside a count, the share beside an amount), any other question (a description, a procedure, a yes/no or trend question, a body, a list) by the figures the documents give for its subject — a change is told by the figures it lies between.' },
  'direct-span': { stage: 'render', why: 'The answer opens with the span of the cited sentence that answers the question (the figure with its unit, the body, the date).' },
  'answer-table': { stage: 'render', why: 'Figures from table rows are shown as a table with their column headers, each cell cited.' },
  'register-list': { stage: 'render', why: 'A list question about a register’s items, or a money question naming one by its full name, is answered with the register’s lines as a table beside the quotes, each line cited to the row or sentence it was read from.' },
  'computed-difference': { stage: 'render', why: 'A comparison of two figures of one row shows the difference and percentage, marked as computed.' },
} as const satisfies Record<string, RuleInfo>;

/** The name of a rule. */
export type RuleName = keyof typeof RULES;

/** The rules that fired for one question, in order, without repeats. */
export class RuleTrace {
  private readonly fired: RuleName[] = [];

  /** Records that `rule` fired. */
  note(rule: RuleName): void {
    if (!this.fired.includes(rule)) this.fired.push(rule);
  }

  /** The fired rules in order. */
  list(): RuleName[] {
    return [...this.fired];
  }
}
