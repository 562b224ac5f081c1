// Lesson 45: picks the 1-D or the 3-D view.
import type { WidgetProps } from '../types';
import type { ConvNdParams } from './params';
import { Conv1dView } from './Conv1dView';
import { Conv3dView } from './Conv3dView';
import './style.css';

export default function ConvNd({ params }: WidgetProps<ConvNdParams>) {
  return params.mode === '3d' ? <Conv3dView /> : <Conv1dView />;
}
