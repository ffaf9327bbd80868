import { describe, expect, it } from "vitest";
import { combineVerdicts, throttleRules, throttleVerdict } from "./throttle";

const now = new Date("2026-11-30T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const account = throttleRules.account;

describe("throttling one account", () => {
  it("lets the sixth attempt through after four failures, refuses it after five", () => {
    expect(throttleVerdict([1, 2, 3, 4].map(minutesAgo), account, now)).toEqual({ throttled: false });
    expect(throttleVerdict([1, 2, 3, 4, 5].map(minutesAgo), account, now)).toEqual({ throttled: true, retryAfterSeconds: 10 * 60 });
  });

  it("counts only failures inside the last 15 minutes", () => {
    expect(throttleVerdict([1, 2, 3, 4, 15].map(minutesAgo), account, now)).toEqual({ throttled: false });
    expect(throttleVerdict([1, 2, 3, 4, 14.5].map(minutesAgo), account, now)).toEqual({ throttled: true, retryAfterSeconds: 30 });
  });

  it("opens again exactly when enough failures have aged out, whatever their order", () => {
    const failures = [7, 1, 9, 3, 12, 5].map(minutesAgo);
    // Six failures; one must leave the window: the second oldest (9 minutes ago) leaves in 6 minutes.
    expect(throttleVerdict(failures, account, now)).toEqual({ throttled: true, retryAfterSeconds: 6 * 60 });
    const later = new Date(now.getTime() + 6 * 60_000);
    expect(throttleVerdict(failures, account, later)).toEqual({ throttled: false });
    expect(throttleVerdict(failures, account, new Date(later.getTime() - 1000))).toEqual({ throttled: true, retryAfterSeconds: 1 });
  });

  it("has a higher limit per client address", () => {
    expect(throttleRules.address.limit).toBe(30);
    const failures = Array.from({ length: 29 }, (_, index) => minutesAgo(index * 0.4));
    expect(throttleVerdict(failures, throttleRules.address, now).throttled).toBe(false);
    expect(throttleVerdict([...failures, minutesAgo(0)], throttleRules.address, now).throttled).toBe(true);
  });
});

describe("an attempt's verdict", () => {
  it("is refused when either counter refuses, for the longer wait", () => {
    expect(combineVerdicts([{ throttled: false }, { throttled: false }])).toEqual({ throttled: false });
    expect(combineVerdicts([{ throttled: true, retryAfterSeconds: 60 }, { throttled: true, retryAfterSeconds: 600 }])).toEqual({
      throttled: true,
      retryAfterSeconds: 600,
    });
    expect(combineVerdicts([{ throttled: false }, { throttled: true, retryAfterSeconds: 5 }])).toEqual({ throttled: true, retryAfterSeconds: 5 });
  });
});
