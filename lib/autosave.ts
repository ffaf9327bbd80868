/**
 * The article form's saving, without React or a browser: when to save (a moment after typing
 * stops; again and again while the server cannot be reached), one save at a time, what each answer
 * means (saved, saved in part, stale, signed out, offline) and the copy kept on this device until
 * the server has the text. The clock, the request and the device's storage are passed in, so tests
 * drive it with fake timers; components/desk/use-autosave.ts is the thin hook around it.
 */
import type { FieldErrors } from "@/lib/desk-results";

/** Autosave this long after typing stops; retry a save that could not reach the server this often. */
export const autosaveDelayMs = 2_000;
export const retryMs = 5_000;

export type SaveStatus =
  | { kind: "idle" | "saving" | "saved" | "partial" | "dirty" | "offline" | "signed-out" }
  | { kind: "error"; message: string };

/** What the server answered a save with (the desk's action result, with the newer version when stale). */
export type SaveAnswer<Latest> =
  | { ok: true; id: string; version: number; fieldErrors?: FieldErrors }
  | { ok: false; error: string; code?: string; fieldErrors?: FieldErrors; latest?: Latest };

export type DraftCopy<V> = { values: V; baseVersion: number; at: number };

/** A stale save: the newer version, and the writer's own text once they load theirs to merge. */
export type Conflict<V, Latest> = { latest: Latest; mine: V | null };

export type AutosaveSnapshot<V, Latest> = {
  values: V;
  status: SaveStatus;
  fieldErrors: FieldErrors;
  conflict: Conflict<V, Latest> | null;
  /** A copy from an earlier visit, written on a revision someone has saved over since. */
  olderCopy: DraftCopy<V> | null;
};

export type Clock = {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
};

/** This device's copies, by article (undefined: the article not created yet). */
export type CopyStore<V> = {
  read(articleId: string | undefined): DraftCopy<V> | null;
  write(articleId: string | undefined, copy: DraftCopy<V>): void;
  clear(articleId: string | undefined): void;
};

export type AutosaveOptions<V extends Record<string, unknown>, Latest extends { version: number }> = {
  articleId?: string;
  version: number;
  values: V;
  justCreated?: boolean;
  /** Creates (no articleId) or saves the article. Throws when the request never reached the server. */
  send(values: V, target: { articleId?: string; baseVersion: number }): Promise<SaveAnswer<Latest>>;
  copies: CopyStore<V>;
  clock: Clock;
  /** Whether a new article has anything worth creating it for yet. */
  hasWords(values: V): boolean;
  /** Whether the newer version says exactly what this text would save. */
  savesTheSame(latest: Latest, values: V): boolean;
  /** The newer version as form values, to merge into by hand. */
  valuesOf(latest: Latest, current: V): V;
  /** Something else is running (a manual save, a copy being made, the page not hydrated yet). */
  busy?(): boolean;
  /** Called after every successful save: a new article takes its address here. */
  onSaved?(saved: { id: string; created: boolean; manual: boolean }): void;
  delayMs?: number;
  retryMs?: number;
};

/** Whether two versions of a form say the same thing (lists and the image compared by content). */
export function sameText<T extends Record<string, unknown>>(a: T, b: T): boolean {
  return Object.keys(a).every((key) => a[key] === b[key] || JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

export type Autosaver<V extends Record<string, unknown>, Latest extends { version: number }> = ReturnType<typeof createAutosaver<V, Latest>>;

export function createAutosaver<V extends Record<string, unknown>, Latest extends { version: number }>(initial: AutosaveOptions<V, Latest>) {
  let options = initial;
  const { clock, copies } = options;
  const delay = options.delayMs ?? autosaveDelayMs;
  const retry = options.retryMs ?? retryMs;
  // The article being written and the version the text is based on: a save that finishes after
  // more typing, or the first save of a new article, is seen at once by the next save.
  let articleId = options.articleId;
  let version = options.version;
  let lastSaved = options.values;
  let inFlight: Promise<boolean> | null = null;
  let typingTimer: unknown = null;
  let retryTimer: unknown = null;
  let snapshot: AutosaveSnapshot<V, Latest> = {
    values: options.values,
    status: { kind: options.justCreated ? "saved" : "idle" },
    fieldErrors: {},
    conflict: null,
    olderCopy: null,
  };
  const listeners = new Set<() => void>();

  function set(change: Partial<AutosaveSnapshot<V, Latest>>) {
    const before = snapshot;
    snapshot = { ...snapshot, ...change };
    // Any new text or status restarts the wait after typing (a save that ends with more typed
    // since is "dirty" again and waits again); a status of its own starts or stops the retries.
    if (snapshot.values !== before.values || snapshot.status !== before.status) {
      clock.clearTimeout(typingTimer);
      typingTimer = snapshot.status.kind === "dirty" ? clock.setTimeout(autosave, delay) : null;
    }
    if (snapshot.status.kind !== before.status.kind) {
      clock.clearInterval(retryTimer);
      retryTimer = unreachable() ? clock.setInterval(autosave, retry) : null;
    }
    for (const listener of listeners) listener();
  }

  const unreachable = () => snapshot.status.kind === "offline" || snapshot.status.kind === "signed-out";
  /** While a conflict is open, wait for the writer's choice; once they merge onto the newer text, saving is safe. */
  const waitingOnConflict = () => snapshot.conflict !== null && snapshot.conflict.mine === null;
  const unsaved = () => !sameText(snapshot.values, lastSaved);

  function replace(values: V) {
    set({ values, status: { kind: "dirty" } });
  }

  function edit<K extends keyof V>(key: K, value: V[K]) {
    const values = { ...snapshot.values, [key]: value };
    copies.write(articleId, { values, baseVersion: version, at: clock.now() });
    replace(values);
  }

  function autosave() {
    if (waitingOnConflict() || (options.busy?.() ?? false) || inFlight) return;
    // A new article is saved once there is something to save: a headline or some of the story.
    if (!articleId && !options.hasWords(snapshot.values)) return;
    if (!unsaved()) {
      copies.clear(articleId);
      set({ status: { kind: "saved" } });
      return;
    }
    void save();
  }

  /** One save at a time: a second waits for the first, so a new article is never created twice. */
  async function save(how: { baseVersion?: number; manual?: boolean } = {}): Promise<boolean> {
    while (inFlight) await inFlight;
    const running = saveNow(how);
    inFlight = running;
    try {
      return await running;
    } finally {
      inFlight = null;
    }
  }

  async function saveNow({ baseVersion, manual = false }: { baseVersion?: number; manual?: boolean }): Promise<boolean> {
    const values = snapshot.values;
    const existingId = articleId;
    set({ status: { kind: "saving" } });
    let answer: SaveAnswer<Latest>;
    try {
      answer = await options.send(values, { articleId: existingId, baseVersion: baseVersion ?? version });
    } catch {
      // The request never reached the server (offline, or the server is restarting).
      set({ status: { kind: "offline" } });
      return false;
    }
    if (!answer.ok) return refused(answer, values);
    const leftOut = answer.fieldErrors ?? {};
    const partial = Object.keys(leftOut).length > 0;
    if (!existingId) {
      // The new article exists now: its text is kept under its own id from here on.
      copies.clear(undefined);
      articleId = answer.id;
    }
    version = answer.version;
    lastSaved = values;
    const typedSince = unsaved();
    // What was typed into a field the server left out stays on this device until it is fixed.
    if (typedSince || partial) copies.write(articleId, { values: snapshot.values, baseVersion: answer.version, at: clock.now() });
    else copies.clear(articleId);
    set({ fieldErrors: leftOut, conflict: null, status: { kind: typedSince ? "dirty" : partial ? "partial" : "saved" } });
    options.onSaved?.({ id: answer.id, created: !existingId, manual });
    return true;
  }

  function refused(answer: Extract<SaveAnswer<Latest>, { ok: false }>, values: V): boolean {
    if (answer.code === "unauthenticated") {
      set({ status: { kind: "signed-out" } });
      return false;
    }
    const { latest } = answer;
    // The newer version may be this very text, saved as the writer left the page a moment ago.
    if (latest && options.savesTheSame(latest, values)) {
      version = latest.version;
      lastSaved = values;
      copies.clear(articleId);
      set({ fieldErrors: {}, status: { kind: "saved" } });
      return true;
    }
    set({
      fieldErrors: answer.fieldErrors ?? {},
      status: { kind: "error", message: answer.error },
      ...(latest ? { conflict: { latest, mine: null } } : {}),
    });
    return false;
  }

  return {
    snapshot: () => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    edit,
    save,
    /** Whether the form holds text the server does not have. */
    unsaved,
    busy: () => options.busy?.() ?? false,
    /**
     * A copy kept on this device from an earlier visit: brought back if it was based on the
     * revision the server has now; if someone saved since, offered rather than overwriting their work.
     */
    recover() {
      const copy = copies.read(articleId);
      if (!copy || sameText(copy.values, snapshot.values)) return copies.clear(articleId);
      if (copy.baseVersion === version) replace(copy.values);
      else set({ olderCopy: copy });
    },
    restoreOlderCopy() {
      if (!snapshot.olderCopy) return;
      const { values } = snapshot.olderCopy;
      set({ olderCopy: null });
      replace(values);
    },
    discardOlderCopy() {
      copies.clear(articleId);
      set({ olderCopy: null });
    },
    /** Overwrites the newer version with this text, once the writer has confirmed. */
    overwrite() {
      const latest = snapshot.conflict?.latest;
      return latest ? save({ baseVersion: latest.version }) : Promise.resolve(false);
    },
    /** Loads the newer text into the form to merge by hand; the writer's own is set aside to read. */
    loadTheirs() {
      const latest = snapshot.conflict?.latest;
      if (!latest) return;
      const theirs = options.valuesOf(latest, snapshot.values);
      set({ conflict: { latest, mine: snapshot.values } });
      replace(theirs);
      lastSaved = theirs;
      version = latest.version;
    },
    /** Fields the workflow says are missing, shown beside them. */
    showFieldErrors(fieldErrors: FieldErrors) {
      set({ fieldErrors });
    },
    fail(message: string) {
      set({ status: { kind: "error", message } });
    },
    /** The network is back: retry at once rather than at the next interval. */
    online() {
      if (unreachable()) autosave();
    },
    /**
     * What a page being closed should still send: the text, where to and on which version; null when
     * there is nothing the server lacks or a conflict waits for the writer.
     */
    leaving(): { articleId: string; values: V; baseVersion: number } | null {
      if (!articleId || waitingOnConflict() || !unsaved()) return null;
      return { articleId, values: snapshot.values, baseVersion: version };
    },
    /** The form's newest callbacks (a component passes this render's functions). */
    use(callbacks: Partial<Pick<AutosaveOptions<V, Latest>, "send" | "onSaved" | "hasWords" | "savesTheSame" | "valuesOf" | "busy">>) {
      options = { ...options, ...callbacks };
    },
    /** Stops every timer: the form is gone. */
    stop() {
      clock.clearTimeout(typingTimer);
      clock.clearInterval(retryTimer);
    },
  };
}
