/**
 * How documents and passages are laid out in LanceDB tables: explicit Arrow schemas (nullable columns and a
 * fixed-size vector) and the conversions between rows and the contract types.
 */
import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';
import type { DocumentRecord, Passage, PassageTable } from '../types.js';

/** A passage as stored: the contract type plus its full-text field, vector and the model that made the vector; section and table as JSON. */
export interface PassageRow extends Omit<Passage, 'section' | 'table'> {
  section: string;
  /** The table structure of a table passage as JSON, null for other passages. */
  table: string | null;
  search: string;
  vector: number[] | Float32Array;
  /** The embedder model of the vector (the manifest's `embedder.model` when it was written). */
  model: string;
}

/** A document as stored, with its original and clean text. */
export interface StoredDocument {
  record: DocumentRecord;
  originalText: string;
  cleanText: string;
}

// LanceDB loads apache-arrow's CommonJS build. Importing the package from this ES module resolved its ES-module
// build instead: a second copy of some 200 modules, ~300 ms of every start through tsx. Requiring it shares
// LanceDB's copy, so there is one set of Arrow classes in the process.
const { Binary, Field, FixedSizeList, Float32, Int32, Schema, Table, Utf8, makeData, makeVector, vectorFromArray } =
  createRequire(import.meta.url)('apache-arrow') as typeof Arrow;

const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
const int = (name: string, nullable = false) => new Field(name, new Int32(), nullable);

/** Schema of a passages table with vectors of `dimensions` floats. */
export function passageSchema(dimensions: number): Arrow.Schema {
  return new Schema([
    text('id'), text('documentId'), text('source'), text('title'), text('docType'), text('date', true), int('year', true),
    text('organisation', true), int('page', true), text('pageLabel', true), text('section'), int('ordinal'), text('kind'),
    int('start'), int('end'), int('cleanStart'), int('cleanEnd'), text('text'), text('search'), text('model'), text('table', true),
    new Field('vector', new FixedSizeList(dimensions, new Field('item', new Float32(), true)), false),
  ]);
}

/**
 * Passage rows as an Arrow table of {@link passageSchema}. The vectors go in as one Float32Array: LanceDB's own
 * conversion of row objects appends them number by number, ~40 ms per 600 passages (~150 ms in a fresh process).
 */
export function passageTable(rows: readonly PassageRow[], dimensions: number): Arrow.Table {
  const schema = passageSchema(dimensions);
  const columns: Record<string, Arrow.Vector> = {};
  for (const field of schema.fields) {
    if (field.name === 'vector') continue;
    columns[field.name] = vectorFromArray(rows.map((row) => row[field.name as keyof PassageRow]), field.type);
  }
  const flat = new Float32Array(rows.length * dimensions);
  rows.forEach((row, i) => flat.set(row.vector, i * dimensions));
  const vectorType = schema.fields.find((field) => field.name === 'vector')!.type as Arrow.FixedSizeList<Arrow.Float32>;
  const values = makeData({ type: vectorType.children[0]!.type, length: flat.length, data: flat });
  columns.vector = makeVector(makeData({ type: vectorType, length: rows.length, nullCount: 0, child: values }));
  return new Table(schema, columns);
}

/** Schema of a documents table: the record as JSON next to the columns worth filtering on. */
export const documentSchema = new Schema([
  text('documentId'), text('source'), text('contentHash'), text('record'), text('originalText'), text('cleanText'),
]);

/** Schema of the key/value meta table (manifest JSON, local embedding model bytes). */
export const metaSchema = new Schema([text('key'), text('json', true), new Field('bytes', new Binary(), true)]);

/** Schema of the content-addressed table of original file bytes. */
export const blobSchema = new Schema([text('hash'), new Field('bytes', new Binary(), false)]);

/** Converts a passage to its stored row, with the vector `model` made. */
export function toPassageRow(passage: Passage, search: string, vector: ArrayLike<number>, model: string): PassageRow {
  const { table, ...rest } = passage;
  return { ...rest, section: JSON.stringify(passage.section), table: table ? JSON.stringify(table) : null, search, vector: Array.from(vector), model };
}

/** Converts a stored row (any extra columns such as `_score` are dropped) back to a passage. */
export function fromPassageRow(row: Record<string, unknown>): Passage {
  const passage: Passage = {
    id: String(row.id), documentId: String(row.documentId), source: String(row.source), title: String(row.title),
    docType: String(row.docType), date: (row.date as string | null) ?? null, year: (row.year as number | null) ?? null,
    organisation: (row.organisation as string | null) ?? null, page: (row.page as number | null) ?? null,
    pageLabel: (row.pageLabel as string | null) ?? null, section: JSON.parse(String(row.section)) as string[],
    ordinal: Number(row.ordinal), kind: row.kind as Passage['kind'], start: Number(row.start), end: Number(row.end),
    cleanStart: Number(row.cleanStart), cleanEnd: Number(row.cleanEnd), text: String(row.text),
  };
  // Indexes written before tables were kept have no such column; their passages simply have no table.
  if (typeof row.table === 'string' && row.table !== '') passage.table = JSON.parse(row.table) as PassageTable;
  return passage;
}

/** Converts a stored document to its row. */
export function toDocumentRow(document: StoredDocument): Record<string, string> {
  const { record } = document;
  return {
    documentId: record.documentId, source: record.source, contentHash: record.contentHash, record: JSON.stringify(record),
    originalText: document.originalText, cleanText: document.cleanText,
  };
}

/** Converts a documents-table row back. */
export function fromDocumentRow(row: Record<string, unknown>): StoredDocument {
  return {
    record: JSON.parse(String(row.record)) as DocumentRecord,
    originalText: String(row.originalText),
    cleanText: String(row.cleanText),
  };
}
