import { describe, expect, it } from 'vitest';
import { documentIdFor, isDocumentId } from '../../../ingest/metadata/document-id.js';
import { uniqueDocumentId } from '../../../ingest/pipeline/unique-ids.js';
import { filterClause } from '../../../ingest/store/filter-clause.js';
import { filtersSchema } from '../../../server/routes/schemas.js';

/** File names whose ids used to fall outside the filter rules, and ordinary ones. */
const NAMES = ['_notitie.txt', '__init__.md', 'Протокол_2024.pdf', '会议记录.pdf', 'نتائج_2023.txt', '-_-.md', '...pdf', 'Ærø notulen.pdf', 'Raadsvoorstel 2024 (def).pdf', `${'x'.repeat(200)}.txt`];

describe('documentIdFor', () => {
  it.each(NAMES)('gives %s an id that the id rule, the API filter schema and the store filter all accept', (name) => {
    const id = documentIdFor(name);
    expect(isDocumentId(id), id).toBe(true);
    expect(filtersSchema.safeParse({ documentId: [id] }).success, id).toBe(true);
    expect(filterClause({ documentIds: [id] })).toBe(`documentId IN ('${id}')`);
    const suffixed = uniqueDocumentId(id, new Set([id]));
    expect(isDocumentId(suffixed), suffixed).toBe(true);
    expect(filtersSchema.safeParse({ documentId: [suffixed] }).success, suffixed).toBe(true);
  });

  it('keeps the readable part of a name and drops underscores and dashes at its ends', () => {
    expect(documentIdFor('_notitie.txt')).toBe('notitie');
    expect(documentIdFor('Протокол_2024.pdf')).toBe('2024');
    expect(documentIdFor('Ærø notulen.pdf')).toBe('r-notulen');
    expect(documentIdFor('会议记录.pdf')).toBe('document');
  });

  it('still accepts ids an older index holds that start with an underscore, so they stay filterable', () => {
    expect(isDocumentId('_notitie')).toBe(true);
    expect(filtersSchema.safeParse({ documentId: ['_notitie'] }).success).toBe(true);
    expect(filterClause({ documentIds: ['_notitie'] })).toBe("documentId IN ('_notitie')");
  });

  it('refuses filter ids no document can have, in the schema and in the store alike', () => {
    for (const id of ["x' OR 1=1 --", 'Hoofdletters', 'met spatie', '']) {
      expect(isDocumentId(id), id).toBe(false);
      expect(filtersSchema.safeParse({ documentId: [id] }).success, id).toBe(false);
      expect(() => filterClause({ documentIds: [id] }), id).toThrow();
    }
  });
});
