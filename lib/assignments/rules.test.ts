import { describe, expect, it } from "vitest";
import {
  assignmentStanding,
  cancelRefusal,
  canCancelAssignment,
  canStartAssignment,
  deadlineFromInput,
  reassignRefusal,
  startRefusal,
} from "./rules";

const now = new Date("2026-03-10T12:00:00Z");
const reporter = { id: "r1", role: "reporter" } as const;
const editor = { id: "e1", role: "editor" } as const;

describe("an assignment's deadline", () => {
  it("is read in the newsroom's time zone", () => {
    const result = deadlineFromInput("2026-03-10T18:30", "Asia/Karachi", now);
    expect(result).toEqual({ ok: true, deadline: new Date("2026-03-10T13:30:00Z") });
  });

  it("is refused a minute in the past, and accepted a minute in the future", () => {
    expect(deadlineFromInput("2026-03-10T11:59", "UTC", now)).toEqual({ ok: false, error: "Set a deadline in the future." });
    expect(deadlineFromInput("2026-03-10T12:00", "UTC", now).ok).toBe(false);
    expect(deadlineFromInput("2026-03-10T12:01", "UTC", now).ok).toBe(true);
  });

  it("is refused when it is not a date and time", () => {
    expect(deadlineFromInput("next Tuesday", "UTC", now)).toEqual({ ok: false, error: "Give the deadline as a date and time." });
  });
});

describe("an assignment's standing", () => {
  const past = new Date("2026-03-10T11:59:00Z");
  const future = new Date("2026-03-10T12:01:00Z");

  it("is overdue once the deadline passes with nothing filed", () => {
    expect(assignmentStanding({ deadline: past, articleStatus: null }, now)).toBe("overdue");
    expect(assignmentStanding({ deadline: past, articleStatus: "draft" }, now)).toBe("overdue");
    expect(assignmentStanding({ deadline: past, articleStatus: "changes_requested" }, now)).toBe("overdue");
  });

  it("is open before the deadline", () => {
    expect(assignmentStanding({ deadline: future, articleStatus: null }, now)).toBe("open");
    expect(assignmentStanding({ deadline: future, articleStatus: "draft" }, now)).toBe("open");
  });

  it("is filed once the article goes to the editors, however late", () => {
    for (const status of ["submitted", "approved", "scheduled", "published", "spiked"] as const) {
      expect(assignmentStanding({ deadline: past, articleStatus: status }, now)).toBe("filed");
    }
  });

  it("is cancelled once called off, overdue or not", () => {
    expect(assignmentStanding({ deadline: past, articleStatus: null, cancelledAt: past }, now)).toBe("cancelled");
    expect(assignmentStanding({ deadline: future, articleStatus: null, cancelledAt: past }, now)).toBe("cancelled");
  });
});

describe("starting an assignment", () => {
  it("is for the assignee only", () => {
    expect(canStartAssignment({ assigneeId: "r1", articleId: null, cancelledAt: null }, reporter)).toBe(true);
    expect(startRefusal({ assigneeId: "r1", articleId: null, cancelledAt: null }, editor)?.code).toBe("forbidden");
  });

  it("happens once", () => {
    expect(startRefusal({ assigneeId: "r1", articleId: "a1", cancelledAt: null }, reporter)?.code).toBe("conflict");
  });

  it("is refused once the assignment is cancelled", () => {
    expect(startRefusal({ assigneeId: "r1", articleId: null, cancelledAt: now }, reporter)).toEqual({
      code: "conflict",
      message: "This assignment was cancelled.",
    });
    expect(canStartAssignment({ assigneeId: "r1", articleId: null, cancelledAt: now }, reporter)).toBe(false);
  });
});

describe("reassigning", () => {
  it("is allowed until the story is started", () => {
    expect(reassignRefusal({ assigneeId: "r1", articleId: null, cancelledAt: null }, "r2")).toBeNull();
  });

  it("is refused once the story is being written, though the same writer may be kept", () => {
    expect(reassignRefusal({ assigneeId: "r1", articleId: "a1", cancelledAt: null }, "r2")).toMatch(/already being written/);
    expect(reassignRefusal({ assigneeId: "r1", articleId: "a1", cancelledAt: null }, "r1")).toBeNull();
  });
});

describe("changing a cancelled assignment", () => {
  it("is refused, whoever would get it", () => {
    expect(reassignRefusal({ assigneeId: "r1", articleId: null, cancelledAt: now }, "r1")).toMatch(/cancelled/);
    expect(reassignRefusal({ assigneeId: "r1", articleId: null, cancelledAt: now }, "r2")).toMatch(/cancelled/);
  });
});

describe("cancelling an assignment", () => {
  const unstarted = { articleId: null, cancelledAt: null };

  it("is for editors and admins, before anyone starts writing", () => {
    expect(cancelRefusal(unstarted, editor)).toBeNull();
    expect(canCancelAssignment(unstarted, { role: "admin" })).toBe(true);
  });

  it("is refused to reporters, even their own", () => {
    expect(cancelRefusal(unstarted, reporter)).toEqual({ code: "forbidden", message: "You may not cancel assignments." });
  });

  it("is refused once the story is being written: the article is spiked instead", () => {
    const refusal = cancelRefusal({ articleId: "a1", cancelledAt: null }, editor);
    expect(refusal?.code).toBe("conflict");
    expect(refusal?.message).toMatch(/already being written.*Spike its article instead/);
  });

  it("happens once", () => {
    expect(cancelRefusal({ articleId: null, cancelledAt: now }, editor)).toEqual({
      code: "conflict",
      message: "This assignment was already cancelled.",
    });
  });
});
