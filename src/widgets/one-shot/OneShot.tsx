// One-shot learning (course §32–36) on glyphs of unseen scripts (the default) or on digits, the
// experiment that shows why an encoder needs many training identities.
import type { WidgetProps } from '../types';
import type { OneShotParams } from './params';
import { DigitOneShot } from './DigitOneShot';
import { GlyphOneShot } from './GlyphOneShot';
import './style.css';

export default function OneShot({ params }: WidgetProps<OneShotParams>) {
  return <div className="w-one-shot" data-set={params.set}>{params.set === 'digits' ? <DigitOneShot /> : <GlyphOneShot params={params} />}</div>;
}
