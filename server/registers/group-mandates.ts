/**
 * The mandates map as read: every mandate row of every document, grouped by actor. Actors come in the order of a
 * municipality's chain of decision (council first), then any other body alphabetically.
 */
import type { RegisterRow, RegisterSource } from '../../ingest/index.js';

type MandateRow = Extract<RegisterRow, { kind: 'mandates' }>;

/** One mandate: what the actor may do, about what, and where it is said. */
export interface MandateLine {
  power: string;
  object: string;
  documentId: string;
  source: RegisterSource;
}

/** An actor with its mandates. */
export interface ActorMandates {
  actor: string;
  mandates: MandateLine[];
}

// The names of data/mandate-words.json's actors, in the order a council reads the chain: elected bodies, their
// executives, then an organisation's supervisors, board and participation councils.
const ORDER = [
  'raad', 'college', 'burgemeester', 'wethouder', 'gemeente', 'provinciale staten', 'gedeputeerde staten', 'minister', 'algemeen bestuur',
  'dagelijks bestuur', 'bestuur', 'raad van toezicht', 'raad van bestuur', 'WIJ-raad', 'cliëntenraad', 'ondernemingsraad',
];

function rank(actor: string): number {
  const index = ORDER.indexOf(actor);
  return index < 0 ? ORDER.length : index;
}

/** The mandates map of the given rows (rows of other kinds are ignored). */
export function groupMandates(rows: readonly RegisterRow[]): ActorMandates[] {
  const byActor = new Map<string, MandateLine[]>();
  for (const row of rows) {
    if (row.kind !== 'mandates') continue;
    const line = { power: row.power, object: row.object, documentId: row.documentId, source: row.source };
    const lines = byActor.get(row.actor);
    if (lines) lines.push(line);
    else byActor.set(row.actor, [line]);
  }
  return [...byActor]
    .map(([actor, mandates]) => ({ actor, mandates: mandates.sort((a, b) => a.power.localeCompare(b.power, 'nl')) }))
    .sort((a, b) => rank(a.actor) - rank(b.actor) || a.actor.localeCompare(b.actor, 'nl'));
}
