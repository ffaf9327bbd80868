/**
 * A copy of the text being written, kept in this browser (localStorage) until the server has it.
 * If the network drops, the session ends or the tab closes before a save, the words are still
 * here when the writer comes back, with the revision they were based on.
 *
 * Newsroom computers are shared: each copy is kept under its writer's user id, so only they are
 * offered it, and signing out deletes every copy on the device (clearDeviceDrafts).
 */
export type DraftBackup<T> = { values: T; baseVersion: number; at: number };

const prefix = "newsdesk:drafts:";
/** Where copies were kept before they were per user: anyone signed in was offered them. */
const unkeyedPrefix = "newsdesk:draft:";

export function draftBackupKey(userId: string, articleId: string | undefined): string {
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

export function readDraftBackup<T>(key: string): DraftBackup<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as DraftBackup<T>) : null;
  } catch {
    return null;
  }
}

export function writeDraftBackup<T>(key: string, backup: DraftBackup<T>) {
  try {
    window.localStorage.setItem(key, JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the text is still in the form, and saving still works.
  }
}

export function clearDraftBackup(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/** Whether two versions of a form say the same thing (lists and the image compared by content). */
export function sameText<T extends Record<string, unknown>>(a: T, b: T): boolean {
  return Object.keys(a).every((key) => a[key] === b[key] || JSON.stringify(a[key]) === JSON.stringify(b[key]));
}
