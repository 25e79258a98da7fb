import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSettings, settingsSchema } from '../../ingest/settings.js';

const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
const lines = example.split('\n');

describe('.env.example', () => {
  it('lists every key of the settings schema once, and nothing else', () => {
    const keys = lines.map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1]).filter((key): key is string => key !== undefined);
    expect([...keys].sort()).toEqual(Object.keys(settingsSchema.shape).sort());
  });

  it('puts a comment right above each key', () => {
    lines.forEach((line, index) => {
      if (/^[A-Z0-9_]+=/.test(line) && !/^[A-Z0-9_]+=/.test(lines[index - 1] ?? '')) expect(lines[index - 1], line).toMatch(/^# \S/);
    });
  });

  it('shows values that parse to the schema defaults', () => {
    const env = Object.fromEntries(lines.map((line) => /^([A-Z0-9_]+)=(.*)$/.exec(line)).filter((m) => m !== null).map((m) => [m[1], m[2]]));
    expect(parseSettings(env)).toEqual(parseSettings({}));
  });
});
