/**
 * The contract between the two halves of Grip: what ingest writes into the store and what the server
 * reads back. Nothing in here does I/O.
 */

/** Media types Grip can ingest. */
export type MediaType = 'application/pdf' | 'text/plain' | 'text/markdown';

/**
 * A document type, lower-case Dutch as a council information system names it:
 * "jaarverslag", "raadsvoorstel", "onderzoeksrapport", "onderzoeksuitvraag", "raadsbrief", "besluitenlijst", …
 * Open-ended because uploads may bring types the catalog does not know.
 */
export type DocType = string;

/** Codes of non-fatal findings during ingest, shown next to a document. */
export type WarningCode =
  | 'no_text_layer'
  | 'page_failed'
  | 'page_limit'
  | 'encrypted'
  | 'contains_javascript'
  | 'ocr_text'
  | 'repaired'
  | 'drawing'
  | 'noise_removed';

/** A non-fatal finding during ingest, e.g. "pagina 2 onleesbaar" or "geen tekstlaag — OCR nodig". */
export interface IngestWarning {
  code: WarningCode;
  /** A full Dutch sentence for the user. */
  message: string;
  /** Physical page number (1-based) the warning is about, if any. */
  page?: number;
}

/** One physical page of a loaded document, as a span of {@link LoadedDocument.text}. */
export interface PageSpan {
  /** Physical page number, 1-based. */
  number: number;
  /** The printed page label ("iv", "30"), or the physical number as text when the file has none. */
  label: string;
  /** Offset of the page's first character in the document text. */
  start: number;
  /** Offset just past the page's last character. */
  end: number;
  /** Page rotation in degrees (PDF only). */
  rotation?: number;
}

/**
 * What a loader makes of a file: the original extracted text, exactly as it will be shown as "the original
 * wording", and where each page lies in it. Pages are joined by a single "\n\f\n" in PDFs.
 */
export interface LoadedDocument {
  mediaType: MediaType;
  text: string;
  /** Known page spans, in order. Empty when the file has no page structure (plain text without footers). */
  pages: PageSpan[];
  /** Number of pages the file declares (PDF) or the footers name ("Pagina 30 van 66"); 0 when unknown. */
  pageCount: number;
  warnings: IngestWarning[];
  /** A title found in the file's own structure (Markdown "# …", first heading), never from PDF info fields. */
  titleHint?: string;
}

/** Document-level metadata: from catalog.json when the file is listed, otherwise inferred from the text. */
export interface DocumentMeta {
  /** Stable id derived from the file name, e.g. "001_9e23d01a41b8f33e". */
  documentId: string;
  /** The original file name. */
  source: string;
  title: string;
  docType: DocType;
  /** The document's own date as ISO "YYYY-MM-DD", or null when the text states none. */
  date: string | null;
  /** The year the document is about. */
  year: number | null;
  organisation: string | null;
  /** Where the metadata came from. */
  metadataSource: 'catalog' | 'inferred' | 'supplied';
}

/** A document as stored, with ingest bookkeeping. */
export interface DocumentRecord extends DocumentMeta {
  /**
   * `indexed`: its passages are searchable (a scan's text read by OCR included, with an `ocr_text` warning);
   * `needs_ocr`: the file has no text layer and OCR did not read it (off, not installed, or nothing found), so
   * nothing is indexed. Such a file is read again when it is ingested or uploaded again.
   */
  status: 'indexed' | 'needs_ocr';
  /** Where the file came from: the folder a CLI ingest read it from, or "upload". A folder sync only removes its own. */
  origin: string;
  /** SHA-256 of the file bytes (hex); re-ingest is idempotent on it. */
  contentHash: string;
  mediaType: MediaType;
  bytes: number;
  pageCount: number;
  passageCount: number;
  warnings: IngestWarning[];
  /** ISO timestamp of the ingest that wrote this record. */
  ingestedAt: string;
}

/** What a passage is made of; tables are chunked by whole rows. */
export type PassageKind = 'text' | 'table' | 'list';

/** A cited unit of text: the thing retrieval ranks and answers quote. */
export interface Passage {
  /** Stable id: documentId plus a hash of the passage's content, unique within the index. */
  id: string;
  documentId: string;
  source: string;
  title: string;
  docType: DocType;
  date: string | null;
  year: number | null;
  organisation: string | null;
  /** Physical page (1-based) where the passage starts, or null when the page is unknown. */
  page: number | null;
  /** Printed page label where the passage starts, or null. */
  pageLabel: string | null;
  /** Section path, outermost first: ["3 Bedrijfsvoering", "3.3.4 Klachten en meldingen"]. */
  section: string[];
  /** Position of the passage in its document, 0-based. */
  ordinal: number;
  kind: PassageKind;
  /** Offsets into the original text ({@link LoadedDocument.text}); `original.slice(start, end)` is its source. */
  start: number;
  end: number;
  /** The same span in the document's clean text, for reading views that show the clean text. */
  cleanStart: number;
  cleanEnd: number;
  /** The clean text of the passage (a table passage repeats its column headers first). */
  text: string;
  /** The structure of a table passage: its columns, unit and rows with their cells. */
  table?: PassageTable;
}

/** A table passage's structure; every offset is into {@link Passage.text}. */
export interface PassageTable {
  /** What the table is about (its caption or section title). */
  caption: string;
  /** What the figures are in, as the table says it ("x € 1.000", "€", "%", "fte"), or null. */
  unit: string | null;
  /** The column headers in order ("Begroting 2022", "Realisatie 2022", "2021"). */
  columns: string[];
  rows: TableRow[];
}

/** A row of a table: its label and cells, as spans of the passage text. */
export interface TableRow {
  label: string;
  start: number;
  end: number;
  cells: TableCell[];
}

/** A cell exactly as printed, with its value and column. */
export interface TableCell {
  text: string;
  /** The value read the Dutch way ("-3.076" is -3076), or null for "-", "n.v.t." and other non-figures. */
  value: number | null;
  column: string;
  /** The year the column is about, when its header names one. */
  year: number | null;
  start: number;
  end: number;
}

/**
 * Per-file outcome of an ingest run. `flagged`: stored and listed but not searchable (e.g. a scan without a text
 * layer); `failed`: nothing stored for this file, and an earlier version, if any, is kept.
 */
export type FileOutcome =
  | { status: 'added' | 'replaced' | 'unchanged' | 'flagged'; source: string; documentId: string; pages: number; passages: number; warnings: IngestWarning[] }
  | { status: 'failed'; source: string; documentId?: string; error: { code: string; message: string } };

/** Summary of an ingest run. */
export interface IngestSummary {
  files: FileOutcome[];
  /** Documents removed because their file no longer exists in a full-corpus ingest. */
  removed: string[];
  documents: number;
  passages: number;
  /** True when the index was rewritten (false when every file was unchanged). */
  changed: boolean;
  /** True when the local model has drifted enough to be refitted and the run left that for later. */
  refitDue?: boolean;
}

/** Settings that shape the index; recorded in the manifest and compared at start-up. */
export interface IndexSettings {
  embedder: { kind: string; model: string; dimensions: number };
  chunking: { version: number; minWords: number; maxWords: number; maxChars: number };
}

/** The three registers built at ingest from a document's table rows and sentences. */
export type RegisterKind = 'deelopdrachten' | 'budgets' | 'mandates';

/**
 * A value in a register, exactly as printed, with where it stands: the passage (and so document and page) and
 * the span of {@link Passage.text} that holds it, for the highlight in the web chat.
 */
export interface RegisterSource {
  passageId: string;
  documentId: string;
  page: number | null;
  start: number;
  end: number;
  /** The printed text of the span ("4.897.657", "De raad stelt … vast"). */
  text: string;
}

/** A cited figure: as printed, its value read the Dutch way, its unit ("x € 1.000", "€") and column. */
export interface RegisterFigure extends RegisterSource {
  value: number | null;
  unit: string | null;
  /** The column header or phrase it came from ("Toegekend", "Begroting 2022"). */
  column: string | null;
}

/**
 * One row extracted from one document. Rows are extracted per document at ingest (so adding or deleting a
 * document adds or deletes only its rows) and merged across documents when a register is read.
 */
export type RegisterRow =
  | {
      kind: 'deelopdrachten';
      documentId: string;
      /** The number as printed ("12", "DO-12"), or null when the document names none. */
      number: string | null;
      name: string;
      period: string | null;
      year: number | null;
      area: string | null;
      granted: RegisterFigure | null;
      spent: RegisterFigure | null;
      toReceive: RegisterFigure | null;
      toSettle: RegisterFigure | null;
      /** Where the row or its mention stands. */
      source: RegisterSource;
    }
  | {
      kind: 'budgets';
      documentId: string;
      /** What the amount is for, as the row label or sentence names it. */
      subject: string;
      year: number | null;
      figure: RegisterFigure;
    }
  | {
      kind: 'mandates';
      documentId: string;
      /** The deciding body as normalised from the actor list ("raad", "college", "raad van bestuur"). */
      actor: string;
      /** The power as normalised from the verb list ("besluit", "stelt vast", "houdt toezicht"). */
      power: string;
      /** What it is about, as the sentence says it. */
      object: string;
      source: RegisterSource;
    };
