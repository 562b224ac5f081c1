// Settings and counters read from a model file are checked like typed ones: a crafted file
// with a valid checksum cannot set the learning rate to 1e9 or the step count to 1e300. The
// reason has a problem code the page words in both languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { readPackedMnist } from '../../../worker/packedMnist';
import { trainMnist } from '../../../../src/widgets/mnist-trainer/job/train';
import { mnistSave } from '../../../../src/widgets/mnist-trainer/job/save';
import { provideMnist, getSession } from '../../../../src/widgets/mnist-trainer/job/sessions';
import { JobError } from '../../../../src/worker/job';
import { decodeModelFile, encodeModelFile } from '../../../../src/engine/nn/fileFormat';
import { fileProblemStrings } from '../../../../src/widgets/shared/strings';
import { fileProblemText } from '../../../../src/widgets/shared/fileProblem';

beforeAll(() => provideMnist(readPackedMnist()));

const args = { session: 'file-checks', mode: 'new' as const, preset: 'tiny' as const, seed: 3 };

/** The lab's own file, with its header edited (the checksum covers the weights, so it stays valid). */
function edited(edit: (model: Record<string, unknown>, extra: Record<string, unknown>) => void): ArrayBuffer {
  const s = trainMnist.init(args);
  for (let i = 0; i < 3; i++) trainMnist.step(s);
  const file = decodeModelFile(mnistSave.run({ session: args.session }).file);
  const extra = JSON.parse(JSON.stringify(file.extra)) as Record<string, unknown>;
  const model = JSON.parse(JSON.stringify(file.model)) as Record<string, unknown>;
  edit(model, extra);
  return encodeModelFile({ model, arrays: file.arrays, extra });
}

function refused(file: ArrayBuffer): JobError {
  try {
    trainMnist.init({ ...args, session: 'file-checks-2', mode: 'restore', file });
  } catch (e) {
    expect(e).toBeInstanceOf(JobError);
    return e as JobError;
  }
  throw new Error('the file was accepted');
}

describe('settings in a model file', () => {
  it('an untouched file restores (the edits below are what is refused)', () => {
    const r = trainMnist.init({ ...args, session: 'file-checks-ok', mode: 'restore', file: edited(() => {}) });
    expect(r.step).toBe(3);
  });

  it('a learning rate of 1e9 is refused, with the reason in English and Chinese', () => {
    const e = refused(edited((_m, x) => ((x.optimiser as { config: { lr: number } }).config.lr = 1e9)));
    expect(e.code).toBe('bad-file');
    expect(e.message).toMatch(/learning rate must be a positive number no larger than 1000, got 1000000000/);
    expect(e.values.problem).toBe('bad-rate');
    expect(fileProblemText(fileProblemStrings.en, e.values, '')).toBe('it sets the learning rate to 1000000000; the lab accepts a rate above 0 and at most 1000');
    expect(fileProblemText(fileProblemStrings.zh, e.values, '')).toBe('它把学习率设为 1000000000；实验室只接受大于 0、不超过 1000 的学习率');
    expect(getSession('file-checks-2')).toBeUndefined();
  });

  it('a step count of 1e300 (and other impossible counters) is refused', () => {
    const e = refused(edited((_m, x) => ((x.meta as Record<string, unknown>).step = 1e300)));
    expect(e.values.problem).toBe('bad-count');
    expect(e.message).toMatch(/step count is 1e\+300/);
    expect(fileProblemText(fileProblemStrings.zh, e.values, '')).toBe('它记录的训练计数不可能成立（step = 1e+300）');
    for (const bad of [-1, 2.5, '7', 1e13]) expect(refused(edited((_m, x) => ((x.meta as Record<string, unknown>).images = bad))).values.problem).toBe('bad-count');
  });

  it('a batch size outside 1…512 is refused, not silently replaced', () => {
    const e = refused(edited((_m, x) => (((x.meta as Record<string, unknown>).settings as Record<string, unknown>).batchSize = 100000)));
    expect(e.values.problem).toBe('bad-setting');
    expect(e.message).toMatch(/batch size must be a whole number from 1 to 512, got 100000/);
  });
});
