/**
 * The catalog: metadata a council information system supplies for known files (data/corpus/catalog.json).
 * A listed file takes its title, type, date, year and organisation from here instead of inference.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';

const entrySchema = z.object({
  file: z.string().min(1),
  title: z.string().min(1),
  docType: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  year: z.number().int().nullable(),
  organisation: z.string().nullable(),
});

const catalogSchema = z.object({ documents: z.array(entrySchema) });

/** One catalog entry. */
export type CatalogEntry = z.infer<typeof entrySchema>;

/** Catalog entries by file name. */
export type Catalog = ReadonlyMap<string, CatalogEntry>;

/** Parses catalog JSON text; a malformed catalog is a clear error rather than silently ignored. */
export function parseCatalog(json: string, origin = 'catalog.json'): Catalog {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new AppError('bad_request', `${origin} is geen geldige JSON.`, { cause: error });
  }
  const parsed = catalogSchema.safeParse(data);
  if (!parsed.success) throw new AppError('bad_request', `${origin} heeft niet de verwachte vorm: ${parsed.error.issues[0]?.message ?? 'onbekend'}.`);
  return new Map(parsed.data.documents.map((entry) => [entry.file, entry]));
}
