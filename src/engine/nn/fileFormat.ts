// The model file: one ArrayBuffer, compact and self-describing.
//   bytes 0..3   magic "CVLM"
//   bytes 4..7   u32 LE  format version
//   bytes 8..11  u32 LE  header length L (UTF-8 JSON)
//   bytes 12..   JSON header, zero-padded to a multiple of 4
//   then         Float32 LE payload: every array the header lists, back to back
// The header carries a checksum (FNV-1a over the payload bytes), so a damaged download
// is rejected with a reason instead of silently loading garbage weights.

export const MODEL_FILE_VERSION = 1;
const MAGIC = 'CVLM';

/**
 * What is wrong with a rejected file, as a code a page can put in the reader's language
 * (the message itself is English, with the exact numbers):
 *   'not-model'      not a ConvLab model file at all
 *   'version'        written by a newer format version (values: version, supported)
 *   'truncated'      cut short (an interrupted download)
 *   'damaged'        the bytes are corrupt (checksum, sizes, header)
 *   'invalid-model'  a well-formed file describing a model this app cannot build or fill
 *   'big-endian'     this machine cannot read the little-endian floats
 * Callers that check more (the lab: which network, which input) add their own codes.
 */
export type ModelFileProblem = 'not-model' | 'version' | 'truncated' | 'damaged' | 'invalid-model' | 'big-endian' | (string & {});

export class ModelFileError extends Error {
  readonly problem: ModelFileProblem;
  readonly values: Record<string, string | number>;
  constructor(message: string, problem: ModelFileProblem, values: Record<string, string | number> = {}) {
    super(message);
    this.name = 'ModelFileError';
    this.problem = problem;
    this.values = values;
  }
}

export interface NamedArray {
  name: string;
  shape: number[];
  data: Float32Array;
}

export interface ModelFileContents {
  /** What the model is: JSON-serialisable (layer specs, input shape, kind). */
  model: unknown;
  arrays: NamedArray[];
  /** Optional extra JSON (optimiser config and step count, training metadata). */
  extra?: unknown;
}

interface Header {
  format: 'convlab-model';
  version: number;
  model: unknown;
  extra?: unknown;
  arrays: { name: string; shape: number[]; length: number }[];
  payloadBytes: number;
  checksum: number;
}

function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function encodeModelFile(c: ModelFileContents): ArrayBuffer {
  let floats = 0;
  for (const a of c.arrays) floats += a.data.length;
  const payload = new Float32Array(floats);
  let off = 0;
  for (const a of c.arrays) {
    payload.set(a.data, off);
    off += a.data.length;
  }
  const payloadBytes = new Uint8Array(payload.buffer);
  if (!LITTLE_ENDIAN) throw new ModelFileError('model files are little-endian; this machine is big-endian', 'big-endian');
  const header: Header = {
    format: 'convlab-model',
    version: MODEL_FILE_VERSION,
    model: c.model,
    extra: c.extra,
    arrays: c.arrays.map((a) => ({ name: a.name, shape: a.shape.slice(), length: a.data.length })),
    payloadBytes: payloadBytes.length,
    checksum: fnv1a(payloadBytes),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 4) * 4;
  const buf = new ArrayBuffer(12 + padded + payloadBytes.length);
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < 4; i++) bytes[i] = MAGIC.charCodeAt(i);
  const dv = new DataView(buf);
  dv.setUint32(4, MODEL_FILE_VERSION, true);
  dv.setUint32(8, json.length, true);
  bytes.set(json, 12);
  bytes.set(payloadBytes, 12 + padded);
  return buf;
}

export function decodeModelFile(input: ArrayBuffer | Uint8Array): ModelFileContents {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length < 12) throw new ModelFileError(`not a ConvLab model file: only ${bytes.length} bytes`, 'not-model');
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MAGIC) throw new ModelFileError('not a ConvLab model file: it does not start with "CVLM"', 'not-model');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(4, true);
  if (version !== MODEL_FILE_VERSION) {
    throw new ModelFileError(`model file format version ${version} is not supported (this app reads version ${MODEL_FILE_VERSION})`, 'version', { version, supported: MODEL_FILE_VERSION });
  }
  const len = dv.getUint32(8, true);
  if (12 + len > bytes.length) throw new ModelFileError(`model file is truncated: header needs ${len} bytes, file has ${bytes.length - 12}`, 'truncated');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + len))) as Header;
  } catch (e) {
    throw new ModelFileError(`model file header is damaged (${(e as Error).message})`, 'damaged');
  }
  if (!header || header.format !== 'convlab-model' || !Array.isArray(header.arrays)) {
    throw new ModelFileError('model file header is not a ConvLab model description', 'not-model');
  }
  const start = 12 + Math.ceil(len / 4) * 4;
  const payloadLen = bytes.length - start;
  if (payloadLen !== header.payloadBytes) {
    throw new ModelFileError(`model file is ${payloadLen < header.payloadBytes ? 'truncated' : 'too long'}: weights need ${header.payloadBytes} bytes, found ${payloadLen}`, payloadLen < header.payloadBytes ? 'truncated' : 'damaged');
  }
  // Copy out so the payload is 4-byte aligned whatever the caller's view was.
  const payloadBytes = bytes.slice(start);
  const sum = fnv1a(payloadBytes);
  if (sum !== header.checksum) throw new ModelFileError('model file weights are damaged: checksum does not match', 'damaged');
  const all = new Float32Array(payloadBytes.buffer);
  let off = 0;
  const arrays: NamedArray[] = [];
  for (const a of header.arrays) {
    const n = a.shape.reduce((x, y) => x * y, 1);
    if (n !== a.length || off + n > all.length) throw new ModelFileError(`model file lists array '${a.name}' with an inconsistent size`, 'damaged');
    arrays.push({ name: a.name, shape: a.shape.slice(), data: all.slice(off, off + n) });
    off += n;
  }
  if (off !== all.length) throw new ModelFileError(`model file has ${all.length - off} unexplained values after the weights`, 'damaged');
  return { model: header.model, arrays, extra: header.extra };
}
