import { describe, expect, it } from "vitest";
import { secondFactorRequired } from "./second-factor-rules";

const reportersFree = { requireSecondFactorForReporters: false };
const reportersToo = { requireSecondFactorForReporters: true };
const person = (role: "reporter" | "editor" | "admin") => ({ role, email: `${role}.santos@paper.example` });

describe("who must have a second factor", () => {
  it("editors and admins, always", () => {
    for (const role of ["editor", "admin"] as const) {
      expect(secondFactorRequired(person(role), reportersFree, true), role).toBe(true);
      expect(secondFactorRequired(person(role), reportersToo, false), role).toBe(true);
    }
  });

  it("reporters only when the newsroom's setting asks it", () => {
    expect(secondFactorRequired(person("reporter"), reportersFree, false)).toBe(false);
    expect(secondFactorRequired(person("reporter"), reportersToo, false)).toBe(true);
  });

  it("not the demo accounts while demo mode is on, whatever the role or setting", () => {
    for (const email of ["editor@example.com", "admin@example.com", "reporter@example.com", "Admin@Example.com"]) {
      const role = email.toLowerCase().split("@")[0] as "reporter" | "editor" | "admin";
      expect(secondFactorRequired({ role, email }, reportersToo, true), email).toBe(false);
    }
  });

  it("the demo accounts like anyone else once demo mode is off", () => {
    expect(secondFactorRequired({ role: "admin", email: "admin@example.com" }, reportersFree, false)).toBe(true);
    expect(secondFactorRequired({ role: "reporter", email: "reporter@example.com" }, reportersToo, false)).toBe(true);
    expect(secondFactorRequired({ role: "reporter", email: "reporter@example.com" }, reportersFree, false)).toBe(false);
  });

  it("an account that merely looks like a demo one is not exempt", () => {
    expect(secondFactorRequired({ role: "editor", email: "editor@example.com.evil.example" }, reportersFree, true)).toBe(true);
  });
});
