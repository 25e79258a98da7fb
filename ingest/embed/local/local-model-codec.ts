/**
 * A compact binary form of the local model, persisted next to the index so the server embeds queries in
 * exactly the space the passages were embedded in. Layout (little-endian):
 * magic "GRIPLSA1" · u32 header length · header JSON · int32 feature ids[F] · float32 IDF[F] ·
 * float32 projection scale[F] · int8 projection[F × dimensions].
 */
import { AppError } from '../../errors.js';
import type { LocalModel } from './local-model.js';
import { fingerprintOf } from './local-model.js';
import { isNgramFeature } from './text-features.js';
import type { FeatureOptions } from './text-features.js';

const MAGIC = 'GRIPLSA1';
const FORMAT_VERSION = 1;

interface Header {
  formatVersion: number;
  features: FeatureOptions;
  wordShare: number;
  dimensions: number;
  featureCount: number;
  fingerprint: string;
}

/** Serialises `model` to bytes that {@link deserializeLocalModel} reads back into an identical model. */
export function serializeLocalModel(model: LocalModel): Uint8Array {
  const header: Header = {
    formatVersion: FORMAT_VERSION, features: model.features, wordShare: model.space.wordShare,
    dimensions: model.dimensions, featureCount: model.space.idf.length, fingerprint: model.fingerprint,
  };
  const encoder = new TextEncoder();
  const sections = [
    encoder.encode(MAGIC),
    lengthPrefixed(encoder.encode(JSON.stringify(header))),
    bytesOf(Int32Array.from(model.space.vocabulary.keys())),
    bytesOf(model.space.idf),
    bytesOf(model.projectionScale),
    bytesOf(model.projection),
  ];
  const result = new Uint8Array(sections.reduce((total, section) => total + section.length, 0));
  let offset = 0;
  for (const section of sections) {
    result.set(section, offset);
    offset += section.length;
  }
  return result;
}

/** Reads a model written by {@link serializeLocalModel}; a damaged or foreign file is a `model_failed` error. */
export function deserializeLocalModel(bytes: Uint8Array): LocalModel {
  try {
    return readModel(new Reader(bytes));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('model_failed', 'The local embedding model file is damaged and cannot be read; run the ingest again.', { cause: error });
  }
}

function readModel(reader: Reader): LocalModel {
  if (new TextDecoder().decode(reader.take(MAGIC.length)) !== MAGIC) fail('it is not a Grip local embedding model');
  const header = JSON.parse(new TextDecoder().decode(reader.take(reader.u32()))) as Header;
  if (header.formatVersion !== FORMAT_VERSION) fail(`its format version ${header.formatVersion} is not ${FORMAT_VERSION}`);
  const count = header.featureCount;
  const ids = new Int32Array(copy(reader.take(count * 4)));
  const idf = new Float32Array(copy(reader.take(count * 4)));
  const projectionScale = new Float32Array(copy(reader.take(count * 4)));
  const projection = new Int8Array(copy(reader.take(count * header.dimensions)));
  if (!reader.atEnd()) fail('it has trailing bytes');
  const space = {
    vocabulary: new Map(Array.from(ids, (id, column) => [id, column])),
    idf, isNgram: Uint8Array.from(ids, (id) => (isNgramFeature(id) ? 1 : 0)), wordShare: header.wordShare,
  };
  const fingerprint = fingerprintOf(header.features, space, projection, projectionScale);
  if (fingerprint !== header.fingerprint) fail('its content does not match its fingerprint');
  return { features: header.features, space, dimensions: header.dimensions, projection, projectionScale, fingerprint };
}

function fail(reason: string): never {
  throw new AppError('model_failed', `The local embedding model file cannot be used: ${reason}. Run the ingest again.`);
}

function lengthPrefixed(section: Uint8Array): Uint8Array {
  const result = new Uint8Array(4 + section.length);
  new DataView(result.buffer).setUint32(0, section.length, true);
  result.set(section, 4);
  return result;
}

function bytesOf(array: Int32Array | Float32Array | Int8Array): Uint8Array {
  if (!(array instanceof Int8Array) && !LITTLE_ENDIAN) throw new AppError('model_failed', 'Grip stores embedding models little-endian and cannot run on a big-endian machine.');
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A copy into a fresh, aligned buffer, so typed-array views over it are valid. */
function copy(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

class Reader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  take(length: number): Uint8Array {
    if (length < 0 || this.offset + length > this.bytes.length) fail('it is truncated');
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  u32(): number {
    const slice = this.take(4);
    return new DataView(slice.buffer, slice.byteOffset, 4).getUint32(0, true);
  }

  atEnd(): boolean {
    return this.offset === this.bytes.length;
  }
}
