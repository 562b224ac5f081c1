// Autosave: the model file (the engine's format, an ArrayBuffer) in IndexedDB, one entry per
// trainer slot. Every failure (private mode, quota, no IndexedDB) resolves quietly to "not
// saved": the lab still works, it just won't survive a reload.
const DB = 'convlab';
const STORE = 'mnist-models';

function open(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB, 1);
    } catch {
      resolve(null);
      return;
    }
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  const db = await open();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => {
        db.close();
        resolve(req.result ?? null);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        resolve(null);
      };
    } catch {
      db.close();
      resolve(null);
    }
  });
}

export async function loadSaved(slot: string): Promise<ArrayBuffer | null> {
  const v = await run('readonly', (s) => s.get(slot) as IDBRequest<unknown>);
  return v instanceof ArrayBuffer ? v : null;
}

export async function saveModelFile(slot: string, file: ArrayBuffer): Promise<boolean> {
  return (await run('readwrite', (s) => s.put(file, slot))) !== null;
}

export async function forgetSaved(slot: string): Promise<void> {
  await run('readwrite', (s) => s.delete(slot));
}
