/**
 * The benchmark's human-readable report: aligned tables and the targets of the issue, each marked met or not.
 */
import type { CorpusBench } from './corpus-bench.js';
import type { FileBench } from './ingest-bench.js';
import type { MachineLoad } from './measure.js';
import type { SearchBench, SearchWay } from './search-bench.js';
import type { StreamBench } from './stream-bench.js';

/** Everything one benchmark run measured. */
export interface BenchResult {
  startedAt: string;
  node: string;
  runs: number;
  /** Load before and after the run: a loaded machine makes every figure slower, ratios less so. */
  machine: { before: MachineLoad; after: MachineLoad };
  files: FileBench[];
  corpus?: CorpusBench;
  search?: SearchBench;
  stream?: StreamBench;
}

/** The PDF the ingest target is about, and the targets. */
export const TARGET_FILE = 'manypages_352.pdf';
export const TARGETS = { ingestOverRaw: 0.5, corpusMs: 10_000, askOverRaw: 5, askP95Ms: 150, firstChunkOverChat: 1.2 };

const mark = (met: boolean) => (met ? '✓ met' : '✗ NOT met');
const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const perSecond = (count: number, ms: number) => (count * 1000) / ms;

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

function loadText(machine: MachineLoad): string {
  return `${machine.load.map((value) => value.toFixed(2)).join(' ')} on ${machine.cores} cores`;
}

function fileLines(files: FileBench[]): string[] {
  const times = files.map((f) => [
    f.file, String(f.pages), String(f.passages), fixed(f.rawWarmMs), `${fixed(f.rawColdMs)} (${fixed(f.rawColdExtractMs)})`, fixed(f.ingestMs),
  ]);
  const rates = files.map((f) => [
    f.file, fixed(perSecond(f.pages, f.rawWarmMs)), fixed(perSecond(f.pages, f.rawColdMs)), fixed(perSecond(f.pages, f.ingestMs)),
    fixed(perSecond(f.passages, f.ingestMs)), fixed(perSecond(f.chars, f.rawWarmMs) / 1000), fixed(perSecond(f.chars, f.rawColdMs) / 1000),
    fixed(f.rawWarmMs / f.ingestMs, 2), fixed(f.rawColdMs / f.ingestMs, 2),
  ]);
  const lines = [
    'Ingest vs raw pdf.js extraction — medians in ms (raw cold: fresh thread with the loader\'s start-up; in brackets the extraction alone)',
    ...table(['file', 'pages', 'passages', 'raw warm', 'raw cold (extract)', 'full ingest'], times),
    '',
    'Rates (ratio = ingest pages/s ÷ raw pages/s)',
    ...table(['file', 'raw warm p/s', 'raw cold p/s', 'ingest p/s', 'passages/s', 'warm kchar/s', 'cold kchar/s', 'ingest÷warm', 'ingest÷cold'], rates),
  ];
  const target = files.find((f) => f.file === TARGET_FILE);
  if (target) {
    const warm = target.rawWarmMs / target.ingestMs;
    const cold = target.rawColdMs / target.ingestMs;
    lines.push(`${TARGET_FILE}: ingest ≥ ${TARGETS.ingestOverRaw} × raw rate — against cold raw (same start-up as the ingest's loader) ${cold.toFixed(2)} ${mark(cold >= TARGETS.ingestOverRaw)}; against warm in-process raw (strictest) ${warm.toFixed(2)} ${mark(warm >= TARGETS.ingestOverRaw)}`);
    if (target.cliMs !== undefined) {
      lines.push(`${TARGET_FILE} through \`npm run ingest\` in a fresh process (all cold, process start-up included): ${fixed(target.cliMs)} ms = ${fixed(perSecond(target.pages, target.cliMs))} pages/s, ${(target.rawColdMs / target.cliMs).toFixed(2)} × cold raw`);
    }
  }
  return lines;
}

function corpusLines(corpus: CorpusBench): string[] {
  return [
    `Corpus ingest (data/corpus: ${corpus.documents} documents, ${corpus.passages} passages, index build included): ${fixed(corpus.ingestMs)} ms — target ≤ ${TARGETS.corpusMs / 1000} s ${mark(corpus.ingestMs <= TARGETS.corpusMs)}`,
    `Re-ingest of the unchanged corpus: ${fixed(corpus.reingestMs, 1)} ms${corpus.reingestUnchanged ? ', nothing written' : ' — WROTE A GENERATION'}`,
  ];
}

const WAY_LABELS: Record<SearchWay, string> = {
  fullText: 'LanceDB full-text alone (raw reference, k=10)',
  retrieve: 'retrieval in-process (engine.retriever)',
  apiSearch: 'POST /api/search (127.0.0.1)',
  apiAsk: 'POST /api/ask (127.0.0.1)',
};

function searchLines(search: SearchBench): string[] {
  const rows = (Object.keys(WAY_LABELS) as SearchWay[]).map((way) => [WAY_LABELS[way], fixed(search.latency[way].p50, 1), fixed(search.latency[way].p95, 1), String(search.latency[way].samples)]);
  const { askOver } = search;
  const p95 = search.latency.apiAsk.p95;
  return [
    `Search latency (${search.questions} questions × ${search.repetitions} rounds, after one untimed round)`,
    ...table(['way', 'p50 ms', 'p95 ms', 'samples'], rows),
    `/api/ask p50 ÷ raw full-text p50 = ${askOver.fullText.toFixed(1)} — target ≤ ${TARGETS.askOverRaw} ${mark(askOver.fullText <= TARGETS.askOverRaw)} (reference: LanceDB full-text alone)`,
    `/api/ask p50 ÷ in-process retrieval p50 = ${askOver.retrieve.toFixed(2)}; ÷ /api/search p50 = ${askOver.apiSearch.toFixed(2)}`,
    `/api/ask p95 = ${p95.toFixed(1)} ms — target ≤ ${TARGETS.askP95Ms} ms ${mark(p95 <= TARGETS.askP95Ms)}`,
    `/api/ask p95 ÷ raw full-text p95 = ${(p95 / search.latency.fullText.p95).toFixed(1)} — target ≤ ${TARGETS.askOverRaw} ${mark(p95 / search.latency.fullText.p95 <= TARGETS.askOverRaw)} (the answer pipeline's tail against the store's tail)`,
  ];
}

function streamLines(stream: StreamBench): string[] {
  const { apiChat, openAI } = stream.latency;
  const rows = [
    ['POST /api/chat: first event (meta)', fixed(apiChat.firstEvent.p50, 1), fixed(apiChat.firstEvent.p95, 1), String(apiChat.firstEvent.samples)],
    ['POST /api/chat: first answer text (delta)', fixed(apiChat.firstText.p50, 1), fixed(apiChat.firstText.p95, 1), String(apiChat.firstText.samples)],
    ['POST /v1/chat/completions: first chunk (role)', fixed(openAI.firstEvent.p50, 1), fixed(openAI.firstEvent.p95, 1), String(openAI.firstEvent.samples)],
    ['POST /v1/chat/completions: first answer text', fixed(openAI.firstText.p50, 1), fixed(openAI.firstText.p95, 1), String(openAI.firstText.samples)],
  ];
  const { firstText, firstEvent } = stream.openAIOverChat;
  return [
    `Time to first streamed chunk (${stream.questions} questions × ${stream.repetitions} rounds, after one untimed round)`,
    ...table(['stream', 'p50 ms', 'p95 ms', 'samples'], rows),
    `/v1 first answer text p50 ÷ /api/chat first answer text p50 = ${firstText.toFixed(2)} — target ≤ ${TARGETS.firstChunkOverChat} ${mark(firstText <= TARGETS.firstChunkOverChat)}`,
    `/v1 first chunk of any kind p50 ÷ /api/chat first event p50 = ${firstEvent.toFixed(2)} (the /v1 stream opens with the role before the answer is looked up)`,
  ];
}

/** The report as lines of text. */
export function reportLines(result: BenchResult): string[] {
  const lines = [
    `Grip benchmark ${result.startedAt} · Node ${result.node} · medians of ${result.runs} runs`,
    `Load average before ${loadText(result.machine.before)}, after ${loadText(result.machine.after)}`,
    '',
  ];
  if (result.files.length > 0) lines.push(...fileLines(result.files), '');
  if (result.corpus) lines.push(...corpusLines(result.corpus), '');
  if (result.search) lines.push(...searchLines(result.search), '');
  if (result.stream) lines.push(...streamLines(result.stream));
  return lines;
}
