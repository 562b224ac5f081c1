// The one-shot database: one encoding (128 numbers) and one 150×150 crop per enrolled person, in
// IndexedDB, in this browser only. When IndexedDB is unavailable (private mode, blocked) every
// call resolves to null and the widget keeps the people in memory for the page's lifetime.
export interface StoredFace {
  id: string;
  name: string;
  descriptor: Float32Array;
  crop: Uint8ClampedArray;
  added: number;
}

const DB = 'convlab-faces';
const STORE = 'people';

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
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
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
        resolve((req.result ?? true) as T);
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

/** Everyone enrolled, oldest first; null when there is no database here. */
export async function listFaces(): Promise<StoredFace[] | null> {
  const all = await run<StoredFace[]>('readonly', (s) => s.getAll() as IDBRequest<StoredFace[]>);
  return all ? all.slice().sort((a, b) => a.added - b.added) : null;
}

export const saveFace = (f: StoredFace) => run('readwrite', (s) => s.put(f));
export const deleteFace = (id: string) => run('readwrite', (s) => s.delete(id));
export const deleteAllFaces = () => run('readwrite', (s) => s.clear());
