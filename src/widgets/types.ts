// The contract between lessons and widgets. A lesson names a widget by its registry key and
// gives a small JSON params object; the widget's validate() turns that JSON into typed params
// (or says precisely what is wrong), and the lazy component renders it.
import type { ComponentType, LazyExoticComponent } from 'react';

export type Validation<P> = { ok: true; params: P } | { ok: false; errors: string[] };

/** Per-language text a lesson block carries besides its params (an ```exercise block's). */
export interface BlockText {
  statementHtml: string;
  starter: string;
  solution: string;
}

export interface WidgetProps<P> {
  params: P;
  text?: BlockText;
}

export interface WidgetSpec<P> {
  /** Loaded on demand, so the course map's first load stays small. */
  component: LazyExoticComponent<ComponentType<WidgetProps<P>>>;
  defaults: P;
  /** Params from a lesson block (merged over defaults by the caller) → typed params or errors. */
  validate(raw: unknown): Validation<P>;
}

export function defineWidget<P>(spec: WidgetSpec<P>): WidgetSpec<P> {
  return spec;
}

/** A widget's params contract without its component: what its params.ts exports. */
export type ParamSpec<P> = Pick<WidgetSpec<P>, 'defaults' | 'validate'>;

export function defineParams<P>(spec: ParamSpec<P>): ParamSpec<P> {
  return spec;
}
