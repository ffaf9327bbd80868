/**
 * A copy of the text being written, kept in this browser (localStorage) until the server has it.
 * If the network drops, the session ends or the tab closes before a save, the words are still
 * here when the writer comes back, with the revision they were based on.
 *
 * Newsroom computers are shared: each copy is kept under its writer's user id, so only they are
 * offered it, and signing out deletes every copy on the device (clearDeviceDrafts).
 */
import type { CopyStore, DraftCopy } from "@/lib/autosave";

const prefix = "newsdesk:drafts:";
/** Where copies were kept before they were per user: anyone signed in was offered them. */
const unkeyedPrefix = "newsdesk:draft:";

function draftBackupKey(userId: string, articleId: string | undefined): string {
  return `${prefix}${userId}:${articleId ?? "new"}`;
}

function removeKeys(startingWith: string[]) {
  try {
    const storage = window.localStorage;
    const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
    for (const key of keys) if (key && startingWith.some((start) => key.startsWith(start))) storage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/** Deletes every copy kept on this device, whoever wrote it: called as someone signs out. */
export function clearDeviceDrafts() {
  removeKeys([prefix, unkeyedPrefix]);
}

/** Deletes copies kept under the old keys, which did not say whose they were. */
export function forgetUnkeyedDrafts() {
  removeKeys([unkeyedPrefix]);
}

function readDraftCopy<T>(key: string): DraftCopy<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as DraftCopy<T>) : null;
  } catch {
    return null;
  }
}

function writeDraftCopy<T>(key: string, backup: DraftCopy<T>) {
  try {
    window.localStorage.setItem(key, JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the text is still in the form, and saving still works.
  }
}

function clearDraftBackup(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/** One writer's copies on this device, by article: what the autosave keeps until the server has the text. */
export function draftCopies<T>(userId: string): CopyStore<T> {
  return {
    read: (articleId) => readDraftCopy<T>(draftBackupKey(userId, articleId)),
    write: (articleId, copy) => writeDraftCopy(draftBackupKey(userId, articleId), copy),
    clear: (articleId) => clearDraftBackup(draftBackupKey(userId, articleId)),
  };
}
