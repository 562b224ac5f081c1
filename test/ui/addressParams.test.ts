// Widget settings in the address: what is written reads back to the same params, and
// nothing in an address — stale, hand-edited or hostile — can break a widget.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCandidates, embedQuery, encodeValue, hashWithParam, paramsFromAddress, readInstance } from '../../src/ui/addressParams';
import { paramSpec as outputSize } from '../../src/widgets/output-size/params';
import { paramSpec as styleTransfer } from '../../src/widgets/style-transfer/params';
import { paramSpec as convStepper } from '../../src/widgets/conv-stepper/params';
import { registry } from '../../src/widgets/registry';

describe('the address of one widget among several', () => {
  it('each instance reads only its own keys; an embed reads the bare ones (not the slide)', () => {
    const hash = '#/en/lesson/padding?output-size.n=7&output-size~2.n=9&conv-stepper.stride=2&slide=3';
    expect(readInstance(hash, 'output-size')).toEqual({ n: '7' });
    expect(readInstance(hash, 'output-size~2')).toEqual({ n: '9' });
    expect(readInstance('#/en/embed/output-size?n=7&f=3&slide=2', '')).toEqual({ n: '7', f: '3' });
  });

  it('setting and removing a key keeps the route, the slide and the other widgets', () => {
    let h = '#/en/lesson/padding?slide=2&pooling.f=3';
    h = hashWithParam(h, 'output-size', 'n', '7');
    expect(h).toBe('#/en/lesson/padding?slide=2&pooling.f=3&output-size.n=7');
    h = hashWithParam(h, 'pooling', 'f', null);
    expect(h).toBe('#/en/lesson/padding?slide=2&output-size.n=7');
    expect(hashWithParam('#/en/lesson/padding?output-size.n=7', 'output-size', 'n', null)).toBe('#/en/lesson/padding');
  });

  it('an embed address carries the lesson params with the changed ones on top', () => {
    expect(embedQuery('#/en/lesson/padding?output-size.s=2', 'output-size', { n: 6, f: 3, p: 1, s: 1 })).toBe('?n=6&f=3&p=1&s=2');
  });
});

describe('reading settings back', () => {
  it('restores typed values: numbers, names that may also be numbers, switches, lists', () => {
    const r = paramsFromAddress(outputSize.validate, { n: 6, f: 3, p: 1, s: 1 }, { n: '9', p: 'same', s: '2' });
    expect(r).toEqual({ params: { ok: true, params: { n: 9, f: 3, p: 'same', s: 2 } }, rejected: [] });
    expect(paramsFromAddress(convStepper.validate, {}, { flip: 'true', pad: '1' }).params).toMatchObject({ ok: true, params: { flip: true, pad: 1 } });
    expect(decodeCandidates('1,2.5,-3', [0])[0]).toEqual([1, 2.5, -3]);
    // A size chosen in a select travels as text and comes back a number.
    expect(paramsFromAddress(styleTransfer.validate, {}, { size: '256' }).params).toMatchObject({ ok: true, params: { size: 256 } });
  });

  it('a bad or unknown value falls back to the lesson value and is named', () => {
    const r = paramsFromAddress(outputSize.validate, { n: 6, f: 3, p: 1, s: 1 }, { n: 'abc', f: '99', s: '2', zoom: '3' });
    expect(r.params).toEqual({ ok: true, params: { n: 6, f: 3, p: 1, s: 2 } });
    expect(r.rejected.sort()).toEqual(['f', 'n', 'zoom']);
  });

  it('every widget survives any address: params always validate, never throw', () => {
    const names = Object.keys(registry);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.dictionary(fc.oneof(fc.constantFrom('n', 'f', 'p', 's', 'preset', 'mode', 'grid', 'alpha', 'flip', 'size', 'constructor', '__proto__', 'toString'), fc.string()), fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('true', 'NaN', '1e400', '[1,2]', '{"a":1}', ''))),
        (name, entries) => {
          const spec = registry[name];
          const r = paramsFromAddress(spec.validate, spec.defaults, entries);
          expect(r.params.ok).toBe(true);
          for (const k of Object.keys(entries)) {
            if (!r.rejected.includes(k)) expect(encodeValue((r.params as { params: Record<string, unknown> }).params[k])).toBeDefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('what a widget writes reads back to the same params (round trip over the lesson defaults)', () => {
    for (const [name, spec] of Object.entries(registry)) {
      const entries = Object.fromEntries(Object.entries(spec.defaults as Record<string, unknown>).map(([k, v]) => [k, encodeValue(v)]));
      const r = paramsFromAddress(spec.validate, {}, entries);
      expect(r.rejected, name).toEqual([]);
      expect(r.params, name).toEqual({ ok: true, params: spec.validate({}).ok ? (spec.validate({}) as { params: unknown }).params : undefined });
    }
  });
});
