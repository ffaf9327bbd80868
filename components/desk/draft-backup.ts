/**
 * A copy of the text being written, kept in this browser (localStorage) until the server has it.
 * If the network drops, the session ends or the tab closes before a save, the words are still
 * here when the writer comes back, with the revision they were based on.
 */
export type DraftBackup<T> = { values: T; baseVersion: number; at: number };

const prefix = "newsdesk:draft:";

export function draftBackupKey(articleId: string | undefined): string {
  return `${prefix}${articleId ?? "new"}`;
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
