// A rejected model file's reason reaches the page as a problem code (plus its numbers) and
// is worded in the reader's language; an unknown code falls back to the English reason.
import { describe, expect, it } from 'vitest';
import { encodeModelFile, decodeModelFile, ModelFileError } from '../../../src/engine/nn/fileFormat';
import { fileProblemText } from '../../../src/widgets/shared/fileProblem';
import { fileProblemStrings } from '../../../src/widgets/shared/strings';

function problemOf(bytes: Uint8Array): ModelFileError {
  try {
    decodeModelFile(bytes);
  } catch (e) {
    return e as ModelFileError;
  }
  throw new Error('the file was accepted');
}

describe('model-file problems in both languages', () => {
  const good = new Uint8Array(encodeModelFile({ model: { kind: 'sequential', layers: [] }, arrays: [{ name: 'w', shape: [2], data: Float32Array.of(1, 2) }] }));

  it('the engine names the problem of each kind of bad file', () => {
    const ver = good.slice();
    ver[4] = 9;
    const e = problemOf(ver);
    expect(e.problem).toBe('version');
    expect(e.values).toEqual({ version: 9, supported: 1 });
    const flip = good.slice();
    flip[flip.length - 2] ^= 0x10;
    expect(problemOf(flip).problem).toBe('damaged');
    expect(problemOf(good.slice(0, good.length - 4)).problem).toBe('truncated');
    expect(problemOf(new Uint8Array(5)).problem).toBe('not-model');
  });

  it('the page words it in English or Chinese, with the numbers', () => {
    const values = { reason: 'model file format version 9 is not supported (this app reads version 1)', problem: 'version', version: 9, supported: 1 };
    expect(fileProblemText(fileProblemStrings.en, values, values.reason)).toBe('it was written in model-file format 9; this version of ConvLab reads format 1');
    expect(fileProblemText(fileProblemStrings.zh, values, values.reason)).toBe('它使用模型文件格式 9 写成；当前版本的 ConvLab 只能读取格式 1');
    expect(fileProblemText(fileProblemStrings.zh, { problem: 'damaged' }, 'x')).toMatch(/损坏/);
  });

  it('an unknown or missing code falls back to the English reason', () => {
    expect(fileProblemText(fileProblemStrings.zh, { problem: 'something-new' }, 'raw reason')).toBe('raw reason');
    expect(fileProblemText(fileProblemStrings.zh, undefined, 'raw reason')).toBe('raw reason');
  });
});
