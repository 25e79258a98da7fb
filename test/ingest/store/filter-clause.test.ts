import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../ingest/errors.js';
import { escapeSql, filterClause, type PassageFilter } from '../../../ingest/store/filter-clause.js';

function rejection(filter: PassageFilter): unknown {
  try {
    filterClause(filter);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('filterClause', () => {
  it('is undefined for no filter or an empty one', () => {
    expect(filterClause(undefined)).toBeUndefined();
    expect(filterClause({})).toBeUndefined();
    expect(filterClause({ docTypes: [], documentIds: [] })).toBeUndefined();
  });

  it('joins document types, document ids and a year range with AND', () => {
    expect(filterClause({ docTypes: ['raadsvoorstel', 'jaarverslag'], documentIds: ['003_61411eb285946e64'], yearFrom: 2019, yearTo: 2022 })).toBe(
      "docType IN ('raadsvoorstel', 'jaarverslag') AND documentId IN ('003_61411eb285946e64') AND year >= 2019 AND year <= 2022",
    );
    expect(filterClause({ yearTo: 2016 })).toBe('year <= 2016');
  });

  it('quotes an apostrophe inside an allowed value by doubling it', () => {
    expect(filterClause({ docTypes: ["raads'brief"] })).toBe("docType IN ('raads''brief')");
    expect(escapeSql("it's")).toBe("it''s");
    // Allowed characters cannot close the literal: every quote is doubled.
    expect(filterClause({ docTypes: ["x' OR 'a' IN ('a"] })).toBe("docType IN ('x'' OR ''a'' IN (''a')");
  });

  it('rejects injection-shaped values with bad_request', () => {
    for (const filter of [
      { docTypes: ["x' OR 1=1 --"] },
      { documentIds: ["001'; DROP TABLE head; --"] },
      { docTypes: ['raadsvoorstel', ') OR (1=1'] },
      { documentIds: [''] },
    ]) {
      const error = rejection(filter);
      expect(isAppError(error, 'bad_request'), JSON.stringify(filter)).toBe(true);
    }
  });

  it('rejects years that are not four-digit integers', () => {
    for (const filter of [{ yearFrom: 2019.5 }, { yearTo: 99 }, { yearFrom: Number.NaN }, { yearTo: '2019 OR 1=1' as unknown as number }]) {
      const error = rejection(filter);
      expect(isAppError(error, 'bad_request'), JSON.stringify(filter)).toBe(true);
    }
  });
});
