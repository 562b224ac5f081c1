// A tiny value + listeners box: snapshots from the worker land here and canvases subscribe,
// so fast data never goes through React state (DESIGN.md, UI).
export interface Live<T> {
  get(): T;
  set(v: T): void;
  subscribe(fn: (v: T) => void): () => void;
}

export function live<T>(initial: T): Live<T> {
  let value = initial;
  const subs = new Set<(v: T) => void>();
  return {
    get: () => value,
    set(v) {
      value = v;
      for (const f of [...subs]) f(v);
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}
