/**
 * An upload whose docType is made of Dutch stop words only ("de het van") must not become a filter of every
 * question: questions the corpus answers stay answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGripServer, type GripServer } from '../support/grip-server.js';
import { askQuestion, uploadOk } from '../support/upload.js';

const TOKEN = 'beheer-token-stopwoorden';
const QUESTION = 'Hoeveel klachten ontving WIJ Groningen in 2022?';

describe('an uploaded document type of stop words only', () => {
  let server: GripServer;
  let before: Awaited<ReturnType<typeof askQuestion>>;
  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN } });
    before = await askQuestion(server.url, QUESTION);
    const body = await uploadOk(server.url, TOKEN, [{ name: 'memo-zwembad.txt', content: 'Het zwembad aan de Noorderhaven krijgt in 2026 een nieuw dak.' }], { docType: 'de het van' });
    expect(body.files[0]).toMatchObject({ status: 'added' });
  });
  afterAll(() => server.close());

  it('leaves a question the corpus answers answered, with the same citations', async () => {
    expect(before.body.status).toBe('answered');
    const after = await askQuestion(server.url, QUESTION);
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('answered');
    expect(after.body.citations.map((c) => c.passageId)).toEqual(before.body.citations.map((c) => c.passageId));
  });

  it('is not reported as a filter found in the question', async () => {
    const response = await fetch(`${server.url}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });
    const body = (await response.json()) as { query: { filters: { detected: { docTypes: string[] } } } };
    expect(body.query.filters.detected.docTypes).toEqual([]);
  });
});
