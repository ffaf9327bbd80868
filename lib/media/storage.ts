/**
 * Where the media library's files live. One interface, one factory: files are named within a key
 * (one key per upload: `original.jpg`, `480.webp`, …), kept on the local disk (a folder, which
 * several machines may share over a network file system) or in S3-compatible object storage
 * (s3-storage.ts, when NEWSDESK_S3_BUCKET is set).
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
import { S3Storage, s3Settings } from "./s3-storage";
import { isStorageKey, isStorageName, type MediaStorage, type StoredFile } from "./storage-names";

export type { MediaStorage, StoredFile };

export { isStorageKey, isStorageName };

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

/** The storage the server uses: object storage when NEWSDESK_S3_BUCKET is set, else the media folder. */
export function mediaStorage(): MediaStorage {
  const s3 = s3Settings();
  const where = s3 ? `s3:${s3.endpoint ?? ""}/${s3.bucket}/${s3.prefix}` : mediaDirectory();
  let storage = storages.get(where);
  if (!storage) {
    storage = s3 ? new S3Storage(s3) : new LocalDiskStorage(where);
    storages.set(where, storage);
  }
  return storage;
}
