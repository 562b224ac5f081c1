// Sliding windows (lessons 26–27). input 14 or 16: step a 14×14 window, count crops, change the
// stride. input 28: the convolutional implementation, each output cell mapped to its window.
// trained: the classifier trained on scenes and run both ways (TrainedMode).
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { ErrorNote, useAsync } from '../../ui';
import { computeClient } from '../../worker/client';
import { ConvMode } from './ConvMode';
import { CropsMode } from './CropsMode';
import { TrainedMode } from './TrainedMode';
import { slidingWindowsStrings } from './strings';
import type { SlidingWindowsParams } from './params';
import './style.css';

export default function SlidingWindows({ params }: WidgetProps<SlidingWindowsParams>) {
  return params.trained ? <TrainedMode /> : <SeededNet params={params} />;
}

function SeededNet({ params }: { params: SlidingWindowsParams }) {
  const t = useStrings(slidingWindowsStrings);
  const n = params.input;
  const job = useAsync(() => computeClient().request('sliding-windows-net', { n }), [n]);
  return (
    <>
      {n === 28 ? <ConvMode n={n} result={job.value ?? null} /> : <CropsMode n={n} image={job.value?.image ?? null} />}
      {job.pending && !job.value && <p className="sw-hint">{t.computing}</p>}
      {job.error && <ErrorNote>{fmt(t.engineError, { msg: job.error })}</ErrorNote>}
    </>
  );
}
