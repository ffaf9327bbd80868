/**
 * Where the media library's files live. One interface, one factory: files are named within a key
 * (one key per upload: `original.jpg`, `480.webp`, …), and the local disk is the one
 * implementation today. Object storage is the next one; it needs only these three operations.
 *
 * Writes are atomic (a temporary file, then a rename), so a reader never sees half a file; and the
 * media route serves only keys with a database row, which is written after every file is in place.
 */
// Node-only (sharp, the file system); no "server-only" guard, because the demo seed (run by tsx) uses it too.
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { mediaDirectory } from "./directory";

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

function checked(key: string, name?: string) {
  if (!isStorageKey(key)) throw new TypeError(`Not a storage key: ${JSON.stringify(key)}`);
  if (name !== undefined && !isStorageName(name)) throw new TypeError(`Not a storage file name: ${JSON.stringify(name)}`);
}

/** Files on the local disk, one folder per key: `<root>/<key>/<name>`. */
export class LocalDiskStorage implements MediaStorage {
  constructor(readonly root: string) {}

  async put(key: string, name: string, bytes: Uint8Array): Promise<void> {
    checked(key, name);
    const folder = path.join(this.root, key);
    await fs.mkdir(folder, { recursive: true });
    // The temporary name starts with a dot, which no stored name may, so it is never served.
    const temporary = path.join(folder, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      const handle = await fs.open(temporary, "wx");
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, path.join(folder, name));
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string, name: string): Promise<StoredFile | null> {
    if (!isStorageKey(key) || !isStorageName(name)) return null;
    const file = path.join(this.root, key, name);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return null;
      const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
      return { body, size: stat.size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    checked(key);
    await fs.rm(path.join(this.root, key), { recursive: true, force: true });
  }
}

function isMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}

const storages = new Map<string, MediaStorage>();

/** The storage the server uses. Object storage, when it comes, is chosen here from the environment. */
export function mediaStorage(): MediaStorage {
  const root = mediaDirectory();
  let storage = storages.get(root);
  if (!storage) {
    storage = new LocalDiskStorage(root);
    storages.set(root, storage);
  }
  return storage;
}
