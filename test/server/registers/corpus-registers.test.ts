import { describe, expect, it } from 'vitest';
import { extractRegisterRows } from '../../../ingest/registers/extract-registers.js';
import type { RegisterRow } from '../../../ingest/types.js';
import { mergeRegisters } from '../../../server/registers/read-registers.js';
import { corpusDocuments } from '../../ingest/corpus-passages.js';

type DeelopdrachtRow = Extract<RegisterRow, { kind: 'deelopdrachten' }>;

describe('the registers of the five corpus documents, merged', () => {
  const documents = corpusDocuments();
  const rows = documents.flatMap((d) => extractRegisterRows(d.passages, d.meta.documentId));
  const tablePassages = new Set(documents.flatMap((d) => d.passages).filter((p) => p.kind === 'table').map((p) => p.id));
  const registers = mergeRegisters(rows);
  const annexRows = rows.filter((r): r is DeelopdrachtRow => r.kind === 'deelopdrachten' && r.granted !== null && tablePassages.has(r.source.passageId) && r.documentId.startsWith('001'));

  it('keeps every row of the annual report\'s annex on a line of its own, so its amounts still add up', () => {
    expect(annexRows).toHaveLength(59);
    const annexSources = (line: (typeof registers.deelopdrachten)[number]) =>
      line.granted.values.flatMap((v) => v.sources).filter((s) => s.documentId.startsWith('001') && tablePassages.has(s.passageId));
    const lines = registers.deelopdrachten.filter((line) => annexSources(line).length > 0);
    expect(lines).toHaveLength(59);
    expect(lines.every((line) => annexSources(line).length === 1)).toBe(true);
    const isAnnex = (source: { documentId: string; passageId: string }) => source.documentId.startsWith('001') && tablePassages.has(source.passageId);
    const annexValue = (line: (typeof lines)[number]) => line.granted.values.find((v) => v.sources.some(isAnnex))?.value.value ?? 0;
    const merged = lines.reduce((sum, line) => sum + annexValue(line), 0);
    expect(merged).toBe(annexRows.reduce((sum, row) => sum + (row.granted?.value ?? 0), 0));
  });

  it('joins the Rekenkamer\'s list of the largest with the annual report\'s lines, without conflicts', () => {
    const joined = registers.deelopdrachten.filter((line) => line.documentIds.some((id) => id.startsWith('000')) && line.documentIds.some((id) => id.startsWith('001')));
    expect(joined.length).toBeGreaterThanOrEqual(10);
    expect(joined.filter((line) => line.conflict)).toEqual([]);
  });

  it('groups mandates by actor, council first, and flags no budget difference inside one document', () => {
    expect(registers.mandates[0]?.actor).toBe('raad');
    expect(registers.budgets.filter((line) => line.difference).every((line) => line.documentIds.length > 1)).toBe(true);
  });
});
