/**
 * Reading an evaluation question file in the format of test/eval/dev.jsonl (a copy of ../shared/eval/dev.jsonl).
 */
import { z } from 'zod';

const turnSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string() });

/** One evaluation question. */
export const questionSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  lang: z.enum(['nl', 'en']),
  type: z.string(),
  answer: z.string(),
  evidence: z.array(z.object({ file: z.string(), quote: z.string() })),
  context: z.array(turnSchema).optional(),
  notes: z.string().optional(),
});

/** An evaluation question. */
export type EvalQuestion = z.infer<typeof questionSchema>;

/** Parses JSON-lines text into questions; a bad line is an error naming its line number. */
export function parseQuestions(jsonl: string): EvalQuestion[] {
  return jsonl
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const parsed = questionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`Question file line ${number}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data;
    });
}
