import { describe, expect, it } from 'vitest';
import { decodeModelFile, encodeModelFile, ModelFileError } from '../../../src/engine/nn/fileFormat';

const sample = () => ({
  model: { kind: 'sequential', layers: [{ type: 'dense', units: 2 }] },
  arrays: [
    { name: 'dense_1/w', shape: [3, 2], data: Float32Array.from([1, 2, 3, 4, 5, 6.5]) },
    { name: 'dense_1/b', shape: [2], data: Float32Array.from([-1, 0.25]) },
  ],
  extra: { step: 7 },
});

describe('model file format', () => {
  it('round-trips header and weights exactly', () => {
    const buf = encodeModelFile(sample());
    const back = decodeModelFile(buf);
    expect(back.model).toEqual(sample().model);
    expect(back.extra).toEqual({ step: 7 });
    expect(back.arrays.map((a) => a.name)).toEqual(['dense_1/w', 'dense_1/b']);
    expect(Array.from(back.arrays[0].data)).toEqual([1, 2, 3, 4, 5, 6.5]);
    expect(back.arrays[1].shape).toEqual([2]);
  });

  it('rejects damaged files with a reason', () => {
    const good = new Uint8Array(encodeModelFile(sample()));
    const flip = good.slice();
    flip[flip.length - 3] ^= 0x40; // one bit in the weights
    expect(() => decodeModelFile(flip)).toThrow(/checksum/);
    expect(() => decodeModelFile(good.slice(0, good.length - 4))).toThrow(/truncated/);
    const magic = good.slice();
    magic[0] = 0x50;
    expect(() => decodeModelFile(magic)).toThrow(/not a ConvLab model file/);
    const hdr = good.slice();
    hdr[14] = 0x7b; // '{' inside the JSON
    expect(() => decodeModelFile(hdr)).toThrow(ModelFileError);
    const ver = good.slice();
    ver[4] = 99;
    expect(() => decodeModelFile(ver)).toThrow(/version 99/);
    expect(() => decodeModelFile(new TextEncoder().encode('{"hello": 1}'))).toThrow(/not a ConvLab model file/);
    expect(() => decodeModelFile(new Uint8Array(3))).toThrow(/only 3 bytes/);
  });
});
