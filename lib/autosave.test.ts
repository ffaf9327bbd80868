import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { autosaveDelayMs, createAutosaver, retryMs, type DraftCopy, type SaveAnswer } from "./autosave";

type Text = { headline: string; body: string };
type Latest = { version: number; headline: string; body: string };

const fakeClock = {
  now: () => Date.now(),
  setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
  clearTimeout: (timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  setInterval: (run: () => void, ms: number) => setInterval(run, ms),
  clearInterval: (timer: unknown) => clearInterval(timer as ReturnType<typeof setInterval>),
};

/** A device's copies, in memory. */
function memoryCopies() {
  const kept = new Map<string, DraftCopy<Text>>();
  const key = (articleId: string | undefined) => articleId ?? "new";
  return {
    kept,
    read: (articleId: string | undefined) => kept.get(key(articleId)) ?? null,
    write: (articleId: string | undefined, copy: DraftCopy<Text>) => void kept.set(key(articleId), copy),
    clear: (articleId: string | undefined) => void kept.delete(key(articleId)),
  };
}

/** A server that answers each save with the next answer queued, or saves whatever it is sent. */
function fakeServer() {
  const sent: { values: Text; articleId?: string; baseVersion: number }[] = [];
  const answers: (SaveAnswer<Latest> | "unreachable")[] = [];
  let version = 1;
  const send = vi.fn(async (values: Text, target: { articleId?: string; baseVersion: number }) => {
    sent.push({ values, ...target });
    const answer = answers.shift();
    if (answer === "unreachable") throw new TypeError("Failed to fetch");
    return answer ?? { ok: true as const, id: target.articleId ?? "a1", version: ++version };
  });
  return { sent, answers, send };
}

/** An article being edited ("a1" at version 1), or with `fresh`, one not created yet. */
function setUp({ fresh = false, values = { headline: "Flood", body: "" } as Text } = {}) {
  const server = fakeServer();
  const copies = memoryCopies();
  const saved = vi.fn();
  const autosaver = createAutosaver<Text, Latest>({
    articleId: fresh ? undefined : "a1",
    version: fresh ? 0 : 1,
    values,
    send: server.send,
    copies,
    clock: fakeClock,
    hasWords: (text) => text.headline.trim() !== "" || text.body.trim() !== "",
    savesTheSame: (latest, text) => latest.headline === text.headline && latest.body === text.body,
    valuesOf: (latest, text) => ({ ...text, headline: latest.headline, body: latest.body }),
    onSaved: saved,
  });
  return { autosaver, server, copies, saved };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("saving after typing stops", () => {
  it("saves once, a moment after the last keystroke, and not before", async () => {
    const { autosaver, server } = setUp();
    autosaver.edit("headline", "Flood w");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs - 1);
    autosaver.edit("headline", "Flood warning");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs - 1);
    expect(server.send).not.toHaveBeenCalled();
    expect(autosaver.snapshot().status.kind).toBe("dirty");

    await vi.advanceTimersByTimeAsync(1);
    expect(server.sent).toEqual([{ values: { headline: "Flood warning", body: "" }, articleId: "a1", baseVersion: 1 }]);
    expect(autosaver.snapshot().status.kind).toBe("saved");
    expect(autosaver.unsaved()).toBe(false);
  });

  it("keeps a copy on the device from the first keystroke until the server has the text", async () => {
    const { autosaver, copies } = setUp();
    autosaver.edit("body", "Rivers rose.");
    expect(copies.kept.get("a1")?.values.body).toBe("Rivers rose.");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(copies.kept.has("a1")).toBe(false);
  });

  it("bases the next save on the version the last one made", async () => {
    const { autosaver, server } = setUp();
    autosaver.edit("headline", "One");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    autosaver.edit("headline", "Two");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(server.sent.map((save) => save.baseVersion)).toEqual([1, 2]);
  });

  it("saves again what was typed while a save was on its way", async () => {
    const { autosaver, server } = setUp();
    let answer!: (value: SaveAnswer<Latest>) => void;
    server.send.mockImplementationOnce((values, target) => {
      server.sent.push({ values, ...target });
      return new Promise((resolve) => (answer = resolve));
    });
    autosaver.edit("headline", "First");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    autosaver.edit("headline", "First and more");
    answer({ ok: true, id: "a1", version: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(autosaver.snapshot().status.kind).toBe("dirty");

    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(server.sent.map((save) => save.values.headline)).toEqual(["First", "First and more"]);
    expect(autosaver.snapshot().status.kind).toBe("saved");
  });

  it("does not save while something else is running, and waits for the writer's next keystroke", async () => {
    const { autosaver, server } = setUp();
    let busy = true;
    autosaver.use({ busy: () => busy });
    autosaver.edit("headline", "Busy");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 3);
    expect(server.send).not.toHaveBeenCalled();
    busy = false;
    autosaver.edit("headline", "Busy no more");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(server.send).toHaveBeenCalledOnce();
  });
});

describe("a new article", () => {
  it("is not created before it has a headline or some of the story", async () => {
    const { autosaver, server } = setUp({ fresh: true, values: { headline: "", body: "" } });
    autosaver.edit("headline", "   ");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 2);
    expect(server.send).not.toHaveBeenCalled();
  });

  it("is created once, even when the writer presses Save while the autosave is on its way", async () => {
    const { autosaver, server, copies, saved } = setUp({ fresh: true, values: { headline: "", body: "" } });
    let answer!: (value: SaveAnswer<Latest>) => void;
    server.send.mockImplementationOnce((values, target) => {
      server.sent.push({ values, ...target });
      return new Promise((resolve) => (answer = resolve));
    });
    autosaver.edit("headline", "Storm");
    expect(copies.kept.has("new")).toBe(true);
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    const manual = autosaver.save({ manual: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.send).toHaveBeenCalledOnce();
    answer({ ok: true, id: "a1", version: 1 });
    await manual;
    expect(server.sent.map((save) => save.articleId)).toEqual([undefined, "a1"]);
    expect(saved.mock.calls.map(([call]) => call)).toEqual([
      { id: "a1", created: true, manual: false },
      { id: "a1", created: false, manual: true },
    ]);
    expect(copies.kept.size).toBe(0);
  });
});

describe("when the server cannot be reached", () => {
  it("says so, keeps the copy, and tries again every few seconds until it can", async () => {
    const { autosaver, server, copies } = setUp();
    server.answers.push("unreachable", "unreachable");
    autosaver.edit("body", "Still here.");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(autosaver.snapshot().status.kind).toBe("offline");
    expect(copies.kept.get("a1")?.values.body).toBe("Still here.");

    await vi.advanceTimersByTimeAsync(retryMs);
    expect(server.send).toHaveBeenCalledTimes(2);
    expect(autosaver.snapshot().status.kind).toBe("offline");
    await vi.advanceTimersByTimeAsync(retryMs);
    expect(server.send).toHaveBeenCalledTimes(3);
    expect(autosaver.snapshot().status.kind).toBe("saved");
    expect(copies.kept.has("a1")).toBe(false);

    await vi.advanceTimersByTimeAsync(retryMs * 3);
    expect(server.send).toHaveBeenCalledTimes(3);
  });

  it("retries at once when the network comes back", async () => {
    const { autosaver, server } = setUp();
    server.answers.push("unreachable");
    autosaver.edit("body", "Back online.");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    autosaver.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.send).toHaveBeenCalledTimes(2);
    expect(autosaver.snapshot().status.kind).toBe("saved");
  });

  it("keeps retrying while the session has ended, so the text saves once the writer signs in again", async () => {
    const { autosaver, server } = setUp();
    server.answers.push({ ok: false, code: "unauthenticated", error: "Sign in again." });
    autosaver.edit("body", "Signed out.");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(autosaver.snapshot().status.kind).toBe("signed-out");
    await vi.advanceTimersByTimeAsync(retryMs);
    expect(autosaver.snapshot().status.kind).toBe("saved");
  });
});

describe("a save the server took only in part", () => {
  it("names the fields left out and keeps what was typed on the device", async () => {
    const { autosaver, server, copies } = setUp();
    server.answers.push({ ok: true, id: "a1", version: 2, fieldErrors: { headline: ["Too long."] } });
    autosaver.edit("headline", "x".repeat(300));
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(autosaver.snapshot().status.kind).toBe("partial");
    expect(autosaver.snapshot().fieldErrors).toEqual({ headline: ["Too long."] });
    expect(copies.kept.get("a1")).toMatchObject({ baseVersion: 2, values: { headline: "x".repeat(300) } });
  });
});

describe("a stale save", () => {
  const theirs: Latest = { version: 3, headline: "Their headline", body: "Their body" };

  it("opens a conflict, keeps the writer's text and stops saving until they choose", async () => {
    const { autosaver, server } = setUp();
    server.answers.push({ ok: false, code: "conflict", error: "Someone saved first.", latest: theirs });
    autosaver.edit("headline", "My headline");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    const { conflict, status, values } = autosaver.snapshot();
    expect(conflict).toEqual({ latest: theirs, mine: null });
    expect(status).toEqual({ kind: "error", message: "Someone saved first." });
    expect(values.headline).toBe("My headline");

    autosaver.edit("headline", "My headline, still typing");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs * 3);
    expect(server.send).toHaveBeenCalledOnce();
    expect(autosaver.leaving()).toBeNull();
  });

  it("overwrites their version only on the writer's word, based on it", async () => {
    const { autosaver, server } = setUp();
    server.answers.push({ ok: false, code: "conflict", error: "Someone saved first.", latest: theirs });
    autosaver.edit("headline", "Mine");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    await autosaver.overwrite();
    expect(server.sent.at(-1)).toMatchObject({ baseVersion: 3, values: { headline: "Mine" } });
    expect(autosaver.snapshot().conflict).toBeNull();
  });

  it("loads their text to merge into, sets the writer's aside, and saves the merge on their version", async () => {
    const { autosaver, server } = setUp();
    server.answers.push({ ok: false, code: "conflict", error: "Someone saved first.", latest: theirs });
    autosaver.edit("headline", "Mine");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    autosaver.loadTheirs();
    expect(autosaver.snapshot().values).toEqual({ headline: "Their headline", body: "Their body" });
    expect(autosaver.snapshot().conflict?.mine).toEqual({ headline: "Mine", body: "" });
    expect(autosaver.unsaved()).toBe(false);

    autosaver.edit("body", "Their body, and mine");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(server.sent.at(-1)).toMatchObject({ baseVersion: 3, values: { body: "Their body, and mine" } });
    expect(autosaver.snapshot().conflict).toBeNull();
  });

  it("is no conflict when the newer version is this very text", async () => {
    const { autosaver, server } = setUp();
    server.answers.push({ ok: false, code: "conflict", error: "Someone saved first.", latest: { version: 4, headline: "Same", body: "" } });
    autosaver.edit("headline", "Same");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(autosaver.snapshot().conflict).toBeNull();
    expect(autosaver.snapshot().status.kind).toBe("saved");
    autosaver.edit("body", "More");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(server.sent.at(-1)?.baseVersion).toBe(4);
  });
});

describe("a copy from an earlier visit", () => {
  it("comes back into the form when it was written on the revision the server has now", async () => {
    const { autosaver, copies, server } = setUp();
    copies.write("a1", { values: { headline: "Flood", body: "Unsaved words" }, baseVersion: 1, at: 0 });
    autosaver.recover();
    expect(autosaver.snapshot().values.body).toBe("Unsaved words");
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(server.sent.at(-1)?.values.body).toBe("Unsaved words");
  });

  it("is offered, not loaded, when someone has saved since, and can be discarded", () => {
    const { autosaver, copies } = setUp();
    copies.write("a1", { values: { headline: "Flood", body: "Old words" }, baseVersion: 0, at: 0 });
    autosaver.recover();
    expect(autosaver.snapshot().values.body).toBe("");
    expect(autosaver.snapshot().olderCopy?.baseVersion).toBe(0);
    autosaver.discardOlderCopy();
    expect(autosaver.snapshot().olderCopy).toBeNull();
    expect(copies.kept.size).toBe(0);
  });

  it("is forgotten when it says what the server already has", () => {
    const { autosaver, copies } = setUp();
    copies.write("a1", { values: { headline: "Flood", body: "" }, baseVersion: 1, at: 0 });
    autosaver.recover();
    expect(copies.kept.size).toBe(0);
    expect(autosaver.snapshot().status.kind).toBe("idle");
  });
});

describe("leaving the page", () => {
  it("sends the unsaved text with the version it is based on, and nothing when all is saved", async () => {
    const { autosaver } = setUp();
    expect(autosaver.leaving()).toBeNull();
    autosaver.edit("body", "Last words");
    expect(autosaver.leaving()).toEqual({ articleId: "a1", values: { headline: "Flood", body: "Last words" }, baseVersion: 1 });
    await vi.advanceTimersByTimeAsync(autosaveDelayMs);
    expect(autosaver.leaving()).toBeNull();
  });
});
