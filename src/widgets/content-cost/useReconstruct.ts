// "Optimise G for content only": the style-transfer job with β = 0 and the chosen content
// layer, from noise. A shallow layer pulls G back to C's pixels; a deeper one only to C's
// layout. Progress (step, J_content) and G arrive throttled from the worker.
import { useState } from 'react';
import { useLongJob, type LongJobPhase } from '../../ui/useLongJob';
import { STYLE_SIZE, type Rgb01 } from '../shared/stylePictures';
import type { loadStemModel } from '../shared/stylePictures';

export type ReconstructPhase = LongJobPhase;
type Layer = 'conv1' | 'pool1' | 'res2a' | 'res2b' | 'res2c';

export function useReconstruct() {
  const [step, setStep] = useState(0);
  const [cost, setCost] = useState<number | null>(null);
  const [g, setG] = useState<Uint8ClampedArray | null>(null);
  const job = useLongJob('style-transfer', {
    onProgress: (p, snapshot) => {
      if (p.step > 0) {
        setStep(p.step);
        setCost(p.content);
      }
      if (snapshot) setG(snapshot.image);
    },
  });

  const reset = () => {
    job.cancel();
    setStep(0);
    setCost(null);
    setG(null);
  };

  const start = (model: Awaited<ReturnType<typeof loadStemModel>>, content: Rgb01, layer: Layer) => {
    if (job.phase === 'paused') return job.resume();
    reset();
    job.start(
      { model, content, size: STYLE_SIZE, init: 'noise', balance: 0, contentOnly: true, contentLayer: layer, learningRate: 8, seed: 4, maxSteps: 300 },
      { fps: 8 },
    );
  };

  return { phase: job.phase, step, cost, g, error: job.error, start, pause: job.pause, reset };
}
