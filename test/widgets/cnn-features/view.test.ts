import { describe, expect, it } from 'vitest';
import { activationText, centreField, nextUnit, percentText, stretch } from '../../../src/widgets/cnn-features/view';

describe('cnn-features view helpers', () => {
  it('centreField: the square of input pixels the centre unit sees', () => {
    // LeNet layer 2: 8×8 map, centre unit 3, field 14 with jump 2 → pixels 6…19.
    expect(centreField({ size: 14, jump: 2, offset: 0 }, 8, 28)).toEqual({ row: 6, col: 6, rows: 14, cols: 14 });
    // Layer 1: 24×24 map, centre unit 11 → pixels 11…15.
    expect(centreField({ size: 5, jump: 1, offset: 0 }, 24, 28)).toEqual({ row: 11, col: 11, rows: 5, cols: 5 });
    // A field reaching outside the image is clipped.
    expect(centreField({ size: 5, jump: 1, offset: -2 }, 1, 3)).toEqual({ row: 0, col: 0, rows: 3, cols: 3 });
  });

  it('nextUnit: arrows wrap, Home/End jump, other keys are not ours', () => {
    expect(nextUnit(7, 'ArrowRight', 8)).toBe(0);
    expect(nextUnit(0, 'ArrowLeft', 8)).toBe(7);
    expect(nextUnit(3, 'Home', 8)).toBe(0);
    expect(nextUnit(3, 'End', 16)).toBe(15);
    expect(nextUnit(3, 'ArrowDown', 16, 8)).toBe(11);
    expect(nextUnit(3, 'a', 8)).toBeNull();
  });

  it('stretch and number texts', () => {
    expect(Array.from(stretch([0, 0.25, 0.5, -1]))).toEqual([0, 0.5, 1, 0]);
    expect(Array.from(stretch([0, 0]))).toEqual([0, 0]);
    expect(activationText(3.14159)).toBe('3.14');
    expect(activationText(12.34)).toBe('12.3');
    expect(activationText(NaN)).toBe('—');
    expect(percentText(0.9712)).toBe('97.1%');
    expect(percentText(null)).toBe('—');
  });
});
