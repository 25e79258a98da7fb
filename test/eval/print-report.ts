/**
 * Printing an evaluation report: the headline figures, then per set and per question type, then (optionally)
 * one line per question.
 */
import type { EvalReport, EvalSummary } from './evaluate.js';

const percent = (value: number | null) => (value === null ? '   —  ' : `${(value * 100).toFixed(1).padStart(5)}%`);

function row(name: string, s: EvalSummary): string {
  const r = s.retrieval;
  return `${name.padEnd(15)} ${String(s.questions).padStart(4)}  ${percent(s.answerOk)}  ${percent(r.hitAt[1])} ${percent(r.hitAt[5])}  ${r.mrrAt10.toFixed(3)}  ${percent(s.refusalAccuracy)} ${percent(s.falseRefusalRate)}  ${percent(s.figureRecall)}  ${percent(s.citationPrecision)} ${percent(s.citationValidity)}`;
}

const HEADER = `${''.padEnd(15)} ${'n'.padStart(4)}  answer_ok  hit@1  hit@5  MRR@10  refused  false-r  figures  cit.prec  valid`;

/** The report as lines of text. */
export function reportLines(report: EvalReport, title: string, perQuestion: boolean): string[] {
  const lines = [title, HEADER, row('all', report.overall), ''];
  for (const [name, summary] of Object.entries(report.bySet)) lines.push(row(`set ${name}`, summary));
  lines.push('');
  for (const [name, summary] of Object.entries(report.byType)) lines.push(row(name, summary));
  if (perQuestion) {
    lines.push('', 'set          id     type            rank  status      figures  ok');
    for (const o of report.outcomes) {
      lines.push(`${o.set.padEnd(12)} ${o.id.padEnd(6)} ${o.type.padEnd(15)} ${String(o.rank ?? '-').padStart(4)}  ${o.status.padEnd(10)}  ${o.figureRecall === null ? '      ' : percent(o.figureRecall)}  ${o.answerOk ? 'ok' : '--'}`);
    }
  }
  return lines;
}
