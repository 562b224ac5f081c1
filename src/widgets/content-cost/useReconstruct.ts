// "Optimise G for content only": the style-transfer job with β = 0 and the chosen content
// layer, from noise. A shallow layer pulls G back to C's pixels; a deeper one only to C's
// layout. Progress (step, J_content) and G arrive throttled from the worker.
import { useEffect, useRef, useState } from 'react';
import { computeClient, type JobHandle } from '../../worker/client';
import type { WorkerError } from '../../worker/protocol';
import { followJob } from '../../ui/followJob';
import { STYLE_SIZE, type Rgb01 } from '../shared/stylePictures';
import type { loadStemModel } from '../shared/stylePictures';

export type ReconstructPhase = 'idle' | 'running' | 'paused' | 'done' | 'error';
type Layer = 'conv1' | 'pool1' | 'res2a' | 'res2b' | 'res2c';

export function useReconstruct() {
  const [phase, setPhase] = useState<ReconstructPhase>('idle');
  const [step, setStep] = useState(0);
  const [cost, setCost] = useState<number | null>(null);
  const [g, setG] = useState<Uint8ClampedArray | null>(null);
  const [error, setError] = useState<WorkerError | null>(null);
  const job = useRef<JobHandle<'style-transfer'> | null>(null);

  const reset = () => {
    job.current?.cancel();
    job.current = null;
    setPhase('idle');
    setStep(0);
    setCost(null);
    setG(null);
    setError(null);
  };
  useEffect(() => () => job.current?.cancel(), []);

  const start = (model: Awaited<ReturnType<typeof loadStemModel>>, content: Rgb01, layer: Layer) => {
    if (job.current && phase === 'paused') {
      job.current.resume();
      return;
    }
    reset();
    const h = computeClient().startJob(
      'style-transfer',
      { model, content, size: STYLE_SIZE, init: 'noise', balance: 0, contentOnly: true, contentLayer: layer, learningRate: 8, seed: 4, maxSteps: 300 },
      { fps: 8 },
    );
    job.current = h;
    setPhase('running');
    followJob(h, () => job.current === h, {
      progress: (p, snapshot) => {
        if (p.step > 0) (setStep(p.step), setCost(p.content));
        if (snapshot) setG(snapshot.image);
      },
      phase: setPhase,
      error: setError,
    });
  };

  return { phase, step, cost, g, error, start, pause: () => job.current?.pause(), reset };
}
