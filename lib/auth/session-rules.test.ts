import { describe, expect, it } from "vitest";
import { needsTouch, sessionExpiry, sessionState } from "./session-rules";

const signedIn = new Date("2026-11-30T08:00:00Z");
const hours = (count: number) => count * 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(signedIn.getTime() + offsetMs);
const fresh = { expiresAt: sessionExpiry(signedIn), lastSeenAt: signedIn, endedAt: null };
const state = (session: Parameters<typeof sessionState>[0]["session"], now: Date, tokenVersion = 3, userVersion = 3) =>
  sessionState({ session, tokenVersion, userVersion, now });

describe("a desk session", () => {
  it("holds while used, up to 12 hours after sign-in", () => {
    expect(state(fresh, at(1000))).toBe("valid");
    const busy = { ...fresh, lastSeenAt: at(hours(11.9)) };
    expect(state(busy, at(hours(12) - 1))).toBe("valid");
  });

  it("ends 12 hours after sign-in however busy it is", () => {
    const busy = { ...fresh, lastSeenAt: at(hours(11.99)) };
    expect(state(busy, at(hours(12)))).toBe("expired");
  });

  it("ends after 8 hours without a request", () => {
    expect(state(fresh, at(hours(8) - 1))).toBe("valid");
    expect(state(fresh, at(hours(8)))).toBe("idle");
    const seen = { ...fresh, lastSeenAt: at(hours(3)) };
    expect(state(seen, at(hours(11) - 1))).toBe("valid");
    expect(state(seen, at(hours(11)))).toBe("idle");
  });

  it("ends when the user's session version moved on (password reset, role change, sign out everywhere)", () => {
    expect(state(fresh, at(1000), 3, 4)).toBe("outdated");
    expect(state(fresh, at(1000), undefined, 0)).toBe("outdated");
  });

  it("ends when signed out, or when its row is gone", () => {
    expect(state({ ...fresh, endedAt: at(5000) }, at(6000))).toBe("ended");
    expect(state(null, at(1000))).toBe("missing");
  });

  it("is recorded as seen at most once a minute", () => {
    expect(needsTouch(signedIn, at(59_999))).toBe(false);
    expect(needsTouch(signedIn, at(60_000))).toBe(true);
  });
});
