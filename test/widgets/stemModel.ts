// The ResNet-50 stem weights read from public/models on disk, for the tests that mock
// style-transfer/shared's loadStemModel (node has no fetch of the app's own files).
import { readFileSync } from 'node:fs';

export function diskStemModel() {
  const manifest = JSON.parse(readFileSync(`${process.cwd()}/public/models/resnet50-stem.json`, 'utf8'));
  const bin = readFileSync(`${process.cwd()}/public/models/resnet50-stem.bin`);
  const bytes = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  return { manifest, bytes };
}
