/**
 * `npm run bench -- --scale [--sizes 1000,10000,100000] [--rounds N] [--json]`: the scale curve (scale/scale-bench.ts).
 * `npm run bench [-- --json] [--runs N] [--rounds N] [--only files,corpus,search,stream] [--file NAME] [--no-cli]`:
 * ingest against raw pdf.js extraction per PDF, corpus ingest and re-ingest, search latency four ways, and the
 * time to the first streamed chunk of /v1/chat/completions against /api/chat, as medians of repeated runs with
 * the machine's load. Ratios are measured within the same run, so a busy machine moves them less
 * than the absolute times.
 */
import { benchCorpus } from './corpus-bench.js';
import { benchFile, type FileBench } from './ingest-bench.js';
import { benchScaleSize, type ScaleRow } from './scale/scale-bench.js';
import { scaleReportLines } from './scale/scale-report.js';
import { machineLoad } from './measure.js';
import { reportLines, TARGET_FILE, type BenchResult } from './report.js';
import { benchSearch } from './search-bench.js';
import { benchStreams } from './stream-bench.js';
import { availablePdfs, pdfPath } from '../support/fixtures.js';

/** A long English book, a two-column paper, and two Dutch council reports with tables; all but the paper are in ../shared only. */
const FILES = ['hostile/manypages_352.pdf', 'hostile/twocolumn_paper.pdf', 'nl/jeugd_hervormingsagenda.pdf', 'nl/overijssel_jaarstukken_2023.pdf'];

function options(argv: string[]) {
  const value = (name: string) => {
    const at = argv.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
    if (at < 0) return undefined;
    return argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  };
  const only = new Set((value('only') ?? 'files,corpus,search,stream').split(','));
  return {
    json: argv.includes('--json'),
    cli: !argv.includes('--no-cli'),
    runs: Math.max(1, Number(value('runs') ?? 3)),
    rounds: Math.max(1, Number(value('rounds') ?? 3)),
    only,
    /** Only the PDFs whose name contains this (e.g. `--file manypages` while working on that one). */
    file: value('file'),
    scale: argv.includes('--scale'),
    sizes: (value('sizes') ?? '1000,10000,100000').split(',').map(Number).filter((size) => size > 0),
  };
}

async function mainScale(settings: ReturnType<typeof options>, progress: (line: string) => void): Promise<void> {
  const before = machineLoad();
  const rows: ScaleRow[] = [];
  for (const size of settings.sizes) {
    progress(`… ${size} passages`);
    rows.push(await benchScaleSize(size, Math.min(settings.rounds, 2), progress));
  }
  const machine = { before, after: machineLoad() };
  if (settings.json) console.log(JSON.stringify({ startedAt: new Date().toISOString(), node: process.version, machine, rows }, null, 2));
  else console.log(scaleReportLines(rows, machine).join('\n'));
}

async function main(): Promise<void> {
  const settings = options(process.argv.slice(2));
  const progress = (line: string) => (settings.json ? process.stderr : process.stdout).write(`${line}\n`);
  if (settings.scale) return mainScale(settings, progress);
  const startedAt = new Date().toISOString();
  const before = machineLoad();
  const files: FileBench[] = [];
  if (settings.only.has('files')) {
    const missing = FILES.filter((file) => !availablePdfs.includes(file));
    if (missing.length > 0) progress(`Not in this checkout (they are in ../shared/pdfs): ${missing.join(', ')}.`);
    for (const name of FILES.filter((file) => availablePdfs.includes(file) && (settings.file === undefined || file.includes(settings.file)))) {
      progress(`… ${name}`);
      files.push(await benchFile(pdfPath(name), settings.runs, settings.cli && name.endsWith(TARGET_FILE)));
    }
  }
  if (settings.only.has('corpus')) progress('… corpus');
  const corpus = settings.only.has('corpus') ? await benchCorpus(settings.runs) : undefined;
  if (settings.only.has('search')) progress('… search');
  const search = settings.only.has('search') ? await benchSearch(settings.rounds) : undefined;
  if (settings.only.has('stream')) progress('… stream');
  const stream = settings.only.has('stream') ? await benchStreams(settings.rounds) : undefined;
  const result: BenchResult = {
    startedAt,
    node: process.version,
    runs: settings.runs,
    machine: { before, after: machineLoad() },
    files,
    ...(corpus ? { corpus } : {}),
    ...(search ? { search } : {}),
    ...(stream ? { stream } : {}),
  };
  if (settings.json) console.log(JSON.stringify(result, null, 2));
  else console.log(reportLines(result).join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
