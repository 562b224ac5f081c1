// One step of neural style transfer as the style-transfer widget runs it: G forward through
// the ResNet-50 stem (conv1 … res2c, packed pretrained weights from public/models), J_content +
// β·J_style, backward to the image's pixels, one Adam step on them. Ours only (the other
// engines have no such stem here); the reader's budget is 100 ms per step at 128×128.
import { readFileSync } from 'node:fs';
import type { BenchRow, BenchSection } from '../harness';
import { emit, timeMedian } from '../harness';
import { drawStylePictures } from '../../src/data/stylePictures';
import { styleTransfer } from '../../src/widgets/style-transfer/job/styleTransfer';

export function stemFromDisk() {
  const manifest = JSON.parse(readFileSync(`${process.cwd()}/public/models/resnet50-stem.json`, 'utf8'));
  const bin = readFileSync(`${process.cwd()}/public/models/resnet50-stem.bin`);
  return { manifest, bytes: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) };
}

export const styleSection: BenchSection = {
  name: 'style-transfer',
  async run() {
    const model = stemFromDisk();
    const rows: BenchRow[] = [];
    for (const size of [128, 256]) {
      const pics = drawStylePictures(size);
      const s = styleTransfer.init({ model, content: pics.contents.house, style: pics.styles.swirl, size, init: 'content', balance: 5, seed: 1, maxSteps: 1e6 });
      const opt = size > 128 ? { warmup: 1, minRuns: 5, budgetMs: 3000 } : { warmup: 2, minRuns: 11, budgetMs: 3000 };
      const ms = timeMedian(() => styleTransfer.step(s), opt);
      rows.push(emit({
        section: 'style-transfer step',
        case: `ResNet-50 stem forward + gradient to the image at ${size}×${size}`,
        engine: 'ConvLab', ms, rate: null, rateUnit: '',
        note: size === 128 ? 'target ≤ 100 ms; includes the Adam step on the pixels' : 'the 256×256 option',
      }));
    }
    return rows;
  },
};
