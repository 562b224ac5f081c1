// The generic UI kit. Import from 'src/ui' (this barrel) and add `import '../../ui/ui.css'`
// once per app (the app shell does it; widgets rendered alone import it themselves).
// Theme: everything reads CSS variables --fg --bg --accent --pos --neg --muted --border --panel
// (set by the app shell on :root / [data-theme]); ui.css falls back to light values.
export { Formula, type FormulaProps } from './Formula';
import './ui.css';
export { NumberField, parseNumber, type NumberFieldProps } from './NumberField';
export { Slider, type SliderProps } from './Slider';
export { Select, type SelectProps, type SelectOption } from './Select';
export { Toggle, type ToggleProps } from './Toggle';
export { StepControls, type StepControlsProps } from './StepControls';
export { useAnimationStep, SPEEDS, type AnimationStep, type AnimationOptions } from './useAnimationStep';
export { usePrefersReducedMotion, prefersReducedMotion } from './useReducedMotion';
export { useThemePalette } from './useThemePalette';
export { CellGrid, type CellGridProps, type GridHighlight, type CellState } from './CellGrid';
export { PixelGrid, type PixelGridProps } from './PixelGrid';
export { Metric, type MetricProps } from './Metric';
export { Callout, ErrorNote, type CalloutProps, type ErrorNoteProps } from './Callout';
export { Card, Row, type CardProps } from './Card';
export { useAsync, type AsyncState } from './useAsync';
export { uiStrings } from './strings';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';
export { CopyLink, WidgetAddressContext, useAddressSlot, useParamInAddress, type AddressSlot } from './WidgetAddress';
export { paramsFromAddress, readInstance, embedQuery, encodeValue } from './addressParams';
