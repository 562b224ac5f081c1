// A widget's settings follow it into the address. The widget host (lessons/WidgetHost)
// provides a slot per widget; a control that sets a param says which (`param="n"` on
// NumberField, Slider, Select, Toggle), which both marks it `data-param="n"` and reports its
// value here. A setting with no such control reports itself with useParamInAddress(name, value).
// The address is rewritten with history.replaceState: no history entry per keystroke, no
// re-render, and a value equal to the lesson's own is left out, so links stay short.
import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { decodeCandidates, encodeValue, hashWithParam, type Checked } from './addressParams';
import { useStrings } from './i18n';
import { uiStrings } from './strings';

export interface AddressSlot {
  /** Prefix of this widget's keys in the address ('' when the widget is shown alone). */
  instance: string;
  report(name: string, value: unknown): void;
}

export const WidgetAddressContext = createContext<AddressSlot | null>(null);

/**
 * The slot of one widget (onUse: told when a control first reports, i.e. the widget has
 * settings worth a link): a reported value that the widget's validate() accepts is written to
 * the address, or removed from it when it equals the lesson's value.
 */
export function useAddressSlot<P>(instance: string, validate: (raw: unknown) => Checked<P>, lessonRaw: unknown, onUse?: () => void): AddressSlot {
  return useMemo(() => {
    const base = lessonRaw && typeof lessonRaw === 'object' && !Array.isArray(lessonRaw) ? (lessonRaw as Record<string, unknown>) : {};
    const start = validate(lessonRaw);
    const lesson = start.ok ? (start.params as Record<string, unknown>) : {};
    return {
      instance,
      report(name, value) {
        onUse?.();
        // A select reports text ('128'); the param may be a number: read it as the address would.
        const text = encodeValue(value);
        if (!decodeCandidates(text, lesson[name]).some((v) => validate({ ...base, [name]: v }).ok)) return; // the control shows its own reason
        const same = name in lesson && encodeValue(lesson[name]) === text;
        const next = hashWithParam(location.hash, instance, name, same ? null : text);
        if (next !== location.hash) history.replaceState(history.state, '', next);
      },
    };
  }, [instance, validate, lessonRaw, onUse]);
}

/** Put one setting of the enclosing widget in the address whenever it changes (when `ok`). */
export function useParamInAddress(name: string | undefined, value: unknown, ok = true): void {
  const slot = useContext(WidgetAddressContext);
  const text = encodeValue(value);
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    if (slot && name && ok) slot.report(name, latest.current);
  }, [slot, name, text, ok]);
}

/** "Copy link": copies an address; where the clipboard is not allowed, shows it selected. */
export function CopyLink({ address, label }: { address: () => string; label?: string }) {
  const t = useStrings(uiStrings);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; text: string }>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.kind === 'manual') field.current?.select();
    if (state.kind !== 'copied') return;
    const id = setTimeout(() => setState({ kind: 'idle' }), 2500);
    return () => clearTimeout(id);
  }, [state]);
  const copy = () => {
    const text = address();
    const manual = () => setState({ kind: 'manual', text });
    if (!navigator.clipboard) return manual();
    navigator.clipboard.writeText(text).then(() => setState({ kind: 'copied' }), manual);
  };
  return (
    <span className="ui-copy-link">
      <button type="button" className="btn btn-quiet btn-small" data-action="copy-link" onClick={copy}>
        {label ?? t.copyLink}
      </button>
      <span role="status" className="ui-copy-status">
        {state.kind === 'copied' && t.linkCopied}
      </span>
      {state.kind === 'manual' && (
        <input ref={field} className="ui-copy-field" readOnly value={state.text} aria-label={t.copyThisLink} data-copy-field="" onFocus={(e) => e.target.select()} />
      )}
    </span>
  );
}
