// The student's code, kept in this browser's IndexedDB (its own database, so no other store's
// version is touched): one record per exercise function. Nothing is sent anywhere. A browser
// without IndexedDB (private mode, blocked storage) still runs the exercise; save() then
// reports the reason so the page can suggest downloading.
const DB = 'convlab-exercises';
const STORE = 'code';

export interface SavedExercise {
  code: string;
  /** Runs so far (the reference solution unlocks after the first). */
  attempts: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB refused to open'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = fn(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result as T | undefined);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

/** The saved record, or null (never saved, or storage unavailable). */
export function loadExercise(fn: string): Promise<SavedExercise | null> {
  return run<SavedExercise>('readonly', (s) => s.get(fn)).then(
    (r) => (r && typeof r.code === 'string' && Number.isInteger(r.attempts) ? r : null),
    () => null,
  );
}

export function saveExercise(fn: string, rec: SavedExercise): Promise<void> {
  return run('readwrite', (s) => s.put(rec, fn)).then(() => undefined);
}

/** Offer the code as a file download (a local blob URL; nothing is uploaded). */
export function downloadCode(fn: string, code: string): void {
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${fn}.js`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
