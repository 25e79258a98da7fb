import { describe, expect, it } from 'vitest';
import { AppError } from '../../../ingest/errors.js';
import { boundaryOf, parseMultipart } from '../../../server/upload/multipart.js';

const limits = { maxParts: 5, maxHeaderBytes: 1024, maxFieldBytes: 100 };
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function badRequest(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'bad_request') return error.message;
    throw error;
  }
  throw new Error('expected a bad_request');
}

describe('boundaryOf', () => {
  it('reads a plain or quoted boundary of multipart/form-data', () => {
    expect(boundaryOf('multipart/form-data; boundary=----abc123')).toBe('----abc123');
    expect(boundaryOf('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe('a b:c');
  });

  it('refuses other content types and missing, empty or over-long boundaries', () => {
    for (const type of [undefined, 'application/json', 'multipart/mixed; boundary=x', 'multipart/form-data', 'multipart/form-data; boundary=', `multipart/form-data; boundary=${'x'.repeat(71)}`]) {
      expect(() => boundaryOf(type)).toThrow(AppError);
    }
  });
});

describe('parseMultipart', () => {
  it('splits fields and files the way a browser sends them, file bytes untouched', () => {
    const binary = '%PDF-1.4\r\n--not-the-boundary\r\n\u0000\u00ff';
    const body = [
      'preamble is ignored',
      '--XyZ',
      'Content-Disposition: form-data; name="title"',
      '',
      'Jaarverslag 2022',
      '--XyZ',
      'Content-Disposition: form-data; name="files"; filename="verslag \\"def\\".pdf"',
      'Content-Type: application/pdf',
      '',
      binary,
      '--XyZ--',
      'epilogue',
    ].join('\r\n');
    const parts = parseMultipart(Buffer.from(body, 'latin1'), 'XyZ', limits);
    expect(parts.map((p) => [p.name, p.fileName, p.contentType])).toEqual([
      ['title', undefined, undefined],
      ['files', 'verslag "def".pdf', 'application/pdf'],
    ]);
    expect(decode(parts[0]?.data ?? new Uint8Array())).toBe('Jaarverslag 2022');
    expect(Buffer.from(parts[1]?.data ?? []).toString('latin1')).toBe(binary);
  });

  it('prefers an RFC 5987 filename* and copies file data out of the body', () => {
    const body = encode('--b\r\nContent-Disposition: form-data; name="files"; filename="x.txt"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9.txt\r\n\r\nhoi\r\n--b--');
    const [part] = parseMultipart(body, 'b', limits);
    expect(part?.fileName).toBe('résumé.txt');
    body.fill(0);
    expect(decode(part?.data ?? new Uint8Array())).toBe('hoi');
  });

  it('answers 400 for truncated, headerless, nameless or non-form-data parts', () => {
    const cases = [
      '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nno closing delimiter',
      '--b\r\n\r\nno headers\r\n--b--',
      '--b\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--b--',
      '--b\r\nContent-Disposition: attachment; name="a"\r\n\r\nx\r\n--b--',
      '--b\r\nBroken header line\r\n\r\nx\r\n--b--',
      'no boundary at all',
      '--bXContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--b--',
      '',
    ];
    for (const body of cases) expect(badRequest(() => parseMultipart(encode(body), 'b', limits))).toMatch(/^Ongeldige multipart\/form-data: /);
  });

  it('enforces the limits on parts, header size and field size', () => {
    const part = (name: string, value: string) => `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    expect(badRequest(() => parseMultipart(encode(`${Array.from({ length: 6 }, (_, i) => part(`f${i}`, 'x')).join('')}--b--`), 'b', limits))).toContain('meer dan 5 delen');
    expect(badRequest(() => parseMultipart(encode(`${part('a', 'x'.repeat(101))}--b--`), 'b', limits))).toContain('te lang');
    const longHeader = `--b\r\nContent-Disposition: form-data; name="a"\r\nX-Pad: ${'p'.repeat(2000)}\r\n\r\nx\r\n--b--`;
    expect(badRequest(() => parseMultipart(encode(longHeader), 'b', limits))).toContain('kopregels');
  });
});
