/** What every media storage (storage.ts) offers, and the keys and names it accepts. */

export type StoredFile = { body: ReadableStream<Uint8Array>; size: number };

export interface MediaStorage {
  /** Writes `bytes` as `name` under `key`, replacing any file of that name, all or nothing. */
  put(key: string, name: string, bytes: Uint8Array): Promise<void>;
  /** The file, streamed, or null when there is none. */
  get(key: string, name: string): Promise<StoredFile | null>;
  /** Removes every file under `key`; removing a key that has none is not an error. */
  delete(key: string): Promise<void>;
}

// Names are checked before they touch a path, so no key or name can climb out of the media folder.
const keyPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
const namePattern = /^[a-z0-9][a-z0-9-]{0,63}\.[a-z0-9]{1,8}$/;

export function isStorageKey(key: string): boolean {
  return keyPattern.test(key);
}

export function isStorageName(name: string): boolean {
  return namePattern.test(name);
}
