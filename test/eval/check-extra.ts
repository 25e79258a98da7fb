/**
 * Validates test/eval/extra.jsonl, the independent development question set.
 *
 *   npx tsx test/eval/check-extra.ts [path/to/file.jsonl]
 *
 * Checks: valid JSON per line, required fields and their types, allowed `type`
 * and `lang` values, unique ids, evidence rules (1–3 quotes of 5–30 words for
 * answerable questions, none for `unanswerable`), `context` for follow-ups, and
 * that every quote occurs verbatim in its corpus file after collapsing runs of
 * whitespace to single spaces on both sides. Quotes may not cross a page-footer
 * line. Exits with status 1 when anything fails.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";

const TYPES = [
  "fact", "number", "budget", "mandate", "deelopdracht", "date", "role",
  "cross_document", "comparison", "list", "unanswerable", "followup",
] as const;
const LANGS = ["nl", "en"];
const FOOTER = /(Pagina \d+ van \d+|@Stichting WIJ Groningen dd\.)/;

const scriptDir = path.dirname(path.resolve(process.argv[1] ?? "test/eval/check-extra.ts"));
const repoRoot = path.resolve(scriptDir, "..", "..");
const file = path.resolve(process.argv[2] ?? path.join(scriptDir, "extra.jsonl"));
const corpusDir = path.join(repoRoot, "data", "corpus");

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const words = (s: string) => collapse(s).split(" ").filter(Boolean).length;

const corpus = new Map<string, string>();
function corpusText(name: string): string | undefined {
  if (!corpus.has(name)) {
    const p = path.join(corpusDir, name);
    if (!existsSync(p)) return undefined;
    corpus.set(name, collapse(readFileSync(p, "utf8")));
  }
  return corpus.get(name);
}

const errors: string[] = [];
const warnings: string[] = [];
const err = (where: string, msg: string) => errors.push(`${where}: ${msg}`);

const isStr = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;

const lines = readFileSync(file, "utf8").split("\n");
const ids = new Set<string>();
const byType = new Map<string, number>();
const byLang = new Map<string, number>();
const byDoc = new Map<string, number>();
let total = 0;
let quotes = 0;

lines.forEach((raw, i) => {
  if (raw.trim() === "") return;
  const where = `line ${i + 1}`;
  let q: any;
  try {
    q = JSON.parse(raw);
  } catch (e) {
    err(where, `invalid JSON (${(e as Error).message})`);
    return;
  }
  total++;
  const id = isStr(q.id) ? q.id : where;
  const at = `${where} [${id}]`;

  for (const f of ["id", "question", "lang", "type", "answer", "notes"]) {
    if (!isStr(q[f])) err(at, `missing or empty string field "${f}"`);
  }
  if (!Array.isArray(q.evidence)) err(at, `"evidence" must be an array`);
  const allowed = new Set(["id", "question", "lang", "type", "answer", "evidence", "notes", "context"]);
  for (const k of Object.keys(q)) if (!allowed.has(k)) err(at, `unexpected field "${k}"`);

  if (isStr(q.id)) {
    if (!/^x\d{3}$/.test(q.id)) err(at, `id should look like x001`);
    if (ids.has(q.id)) err(at, `duplicate id`);
    ids.add(q.id);
  }
  if (!(TYPES as readonly string[]).includes(q.type)) err(at, `type "${q.type}" not in allowed list`);
  if (!LANGS.includes(q.lang)) err(at, `lang "${q.lang}" must be nl or en`);
  byType.set(q.type, (byType.get(q.type) ?? 0) + 1);
  byLang.set(q.lang, (byLang.get(q.lang) ?? 0) + 1);

  // context: required for follow-ups, forbidden otherwise
  if (q.type === "followup") {
    if (!Array.isArray(q.context) || q.context.length < 2) {
      err(at, `followup needs a "context" array with earlier turns`);
    } else {
      q.context.forEach((t: any, j: number) => {
        if (!t || !["user", "assistant"].includes(t.role) || !isStr(t.content)) {
          err(at, `context[${j}] must be {role: "user"|"assistant", content}`);
        }
      });
      if (q.context[q.context.length - 1]?.role !== "assistant") {
        err(at, `context should end with an assistant turn`);
      }
    }
  } else if (q.context !== undefined) {
    err(at, `"context" is only for followup questions`);
  }

  if (!Array.isArray(q.evidence)) return;
  if (q.type === "unanswerable") {
    if (q.evidence.length !== 0) err(at, `unanswerable questions must have empty evidence`);
    if (isStr(q.notes)) {
      const m: string[] = q.notes.match(/\b00[0-4]\b/g) ?? [];
      for (const d of new Set(m)) byDoc.set(d, (byDoc.get(d) ?? 0) + 1);
    }
    return;
  }
  if (q.evidence.length < 1 || q.evidence.length > 3) err(at, `answerable questions need 1–3 evidence quotes`);

  const docs = new Set<string>();
  q.evidence.forEach((e: any, j: number) => {
    const ew = `${at} evidence[${j}]`;
    if (!e || !isStr(e.file) || !isStr(e.quote)) {
      err(ew, `must be {file, quote}`);
      return;
    }
    quotes++;
    docs.add(e.file.slice(0, 3));
    const n = words(e.quote);
    if (n < 5 || n > 30) err(ew, `quote has ${n} words (allowed 5–30)`);
    if (FOOTER.test(e.quote)) err(ew, `quote crosses a page-footer line`);
    const text = corpusText(e.file);
    if (text === undefined) {
      err(ew, `corpus file ${e.file} not found in ${corpusDir}`);
      return;
    }
    const needle = collapse(e.quote);
    if (!text.includes(needle)) {
      // help fixing: report the longest matching prefix
      let lo = 0, hi = needle.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (text.includes(needle.slice(0, mid))) lo = mid; else hi = mid - 1;
      }
      err(ew, `quote not found verbatim in ${e.file}; matches up to char ${lo}: ` +
        `"${needle.slice(0, lo)}" ⟂ "${needle.slice(lo, lo + 40)}"`);
    }
  });
  for (const d of docs) byDoc.set(d, (byDoc.get(d) ?? 0) + 1);
  if (q.type === "cross_document" && docs.size < 2) warnings.push(`${at}: cross_document with evidence from one file`);
});

const pct = (n: number) => `${((100 * n) / Math.max(total, 1)).toFixed(1)}%`;
console.log(`${path.relative(repoRoot, file)}: ${total} questions, ${quotes} evidence quotes`);
console.log("per type:", Object.fromEntries([...TYPES].map((t) => [t, byType.get(t) ?? 0])));
console.log("per document (questions with evidence or, if unanswerable, notes mentioning it):",
  Object.fromEntries([...byDoc.entries()].sort()));
console.log(`english: ${byLang.get("en") ?? 0} (${pct(byLang.get("en") ?? 0)}), ` +
  `unanswerable: ${byType.get("unanswerable") ?? 0} (${pct(byType.get("unanswerable") ?? 0)}), ` +
  `followup: ${byType.get("followup") ?? 0} (${pct(byType.get("followup") ?? 0)})`);
for (const w of warnings) console.warn("warning:", w);
if (errors.length) {
  for (const e of errors) console.error("error:", e);
  console.error(`${errors.length} error(s)`);
  process.exit(1);
}
console.log("OK: all checks passed");
