// The system check page: worker health, engine speed, and a live job to poke at.
import type { WidgetProps } from '../types';
import type { SystemCheckParams } from './params';
import { WorkerPanel } from './WorkerPanel';
import { DemoJobPanel } from './DemoJobPanel';
import { BenchmarkPanel } from './BenchmarkPanel';
import './system-check.css';

export default function SystemCheck(_props: WidgetProps<SystemCheckParams>) {
  return (
    <div className="system-check" data-system-check="">
      <WorkerPanel />
      <DemoJobPanel />
      <BenchmarkPanel />
    </div>
  );
}
