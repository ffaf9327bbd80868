import { describe, expect, it } from "vitest";
import { enrolmentLifetimeMs, openEnrolment, sealEnrolment } from "./enrolment-token";

const key = Buffer.alloc(32, 1);
const now = new Date("2026-11-30T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("a secret held by the enrolment form", () => {
  const token = sealEnrolment(key, { userId: "user-1", secret }, now);

  it("comes back to the same user until it expires", () => {
    expect(openEnrolment(key, token, "user-1", now)).toBe(secret);
    expect(openEnrolment(key, token, "user-1", later(enrolmentLifetimeMs))).toBe(secret);
    expect(openEnrolment(key, token, "user-1", later(enrolmentLifetimeMs + 1))).toBeNull();
  });

  it("is worthless to anyone else, under another key, or altered", () => {
    expect(openEnrolment(key, token, "user-2", now)).toBeNull();
    expect(openEnrolment(Buffer.alloc(32, 2), token, "user-1", now)).toBeNull();
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "user-1", s: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", e: later(1e9).getTime() })).toString("base64url");
    expect(openEnrolment(key, `${forged}.${signature}`, "user-1", now)).toBeNull();
    for (const broken of ["", payload!, `${payload}.`, `${token}.x`, "a.b"]) expect(openEnrolment(key, broken, "user-1", now), broken).toBeNull();
  });
});
