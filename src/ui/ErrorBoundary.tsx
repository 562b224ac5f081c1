// An error boundary that hands its error to a fallback (which draws the readable panel) and
// clears itself when `resetKey` changes (a new page) or the fallback calls retry().
import { Component, type ReactNode } from 'react';

/**
 * True for a code chunk that could not be fetched: the network is off, or the tab was left
 * open across a redeploy and the old chunk's file is gone. Browsers word it differently.
 */
export function isChunkLoadError(e: unknown): boolean {
  const m = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS|ChunkLoadError|Loading chunk \S+ failed/i.test(m);
}

interface Props {
  resetKey?: unknown;
  fallback(error: Error, retry: () => void): ReactNode;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null; key: unknown }> {
  state = { error: null as Error | null, key: this.props.resetKey };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
  static getDerivedStateFromProps(props: Props, state: { error: Error | null; key: unknown }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  retry = () => this.setState({ error: null });
  render() {
    return this.state.error ? this.props.fallback(this.state.error, this.retry) : this.props.children;
  }
}
