/**
 * Uploaded files whose names start with "_" or are written in another script: their documents can be filtered
 * on and questions that name them are answered, not refused with 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGripServer, type GripServer } from '../support/grip-server.js';
import { askQuestion, uploadOk } from '../support/upload.js';

const TOKEN = 'beheer-token-ids';
const NOTE = 'De Stichting Zwembadbeheer Noorderhaven opende in 2023 een nieuw instructiebad met 25 banen voor schoolzwemmen.';

async function search(url: string, body: unknown): Promise<{ status: number; body: { passages?: { documentId: string }[] } }> {
  const response = await fetch(`${url}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { passages?: { documentId: string }[] } };
}

describe('documents from files named "_notitie.txt" or in a non-Latin script', () => {
  let server: GripServer;
  const ids: string[] = [];
  beforeAll(async () => {
    server = await startGripServer({ env: { ADMIN_TOKEN: TOKEN } });
    for (const name of ['_notitie.txt', 'Протокол_зwembad.txt']) {
      const body = await uploadOk(server.url, TOKEN, [{ name, content: NOTE }], { organisation: 'Stichting Zwembadbeheer Noorderhaven' });
      const outcome = body.files[0];
      if (!outcome || outcome.status === 'failed') throw new Error(JSON.stringify(outcome));
      ids.push(outcome.documentId);
    }
  });
  afterAll(() => server.close());

  it('can be filtered on by their ids', async () => {
    for (const id of ids) {
      const { status, body } = await search(server.url, { question: 'instructiebad schoolzwemmen', filters: { documentId: [id] } });
      expect(status, `${id}: ${JSON.stringify(body)}`).toBe(200);
      expect(body.passages?.length).toBeGreaterThan(0);
      expect(new Set(body.passages?.map((p) => p.documentId))).toEqual(new Set([id]));
    }
  });

  it('answers a question that names their organisation, with a citation of one of them', async () => {
    const { status, body } = await askQuestion(server.url, 'Hoeveel banen heeft het instructiebad van Stichting Zwembadbeheer Noorderhaven?');
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.citations.map((c) => c.documentId)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${ids.join('|')})$`))]));
  });
});
