import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/desk-results";
import { minPasswordLength } from "@/lib/auth/password-rules";
import { changeUserRoleSchema, createUserSchema } from "./schemas";

const valid = { name: "Mira Santos", email: "mira@paper.example", role: "reporter", password: "correct horse battery" };

describe("a new user", () => {
  it("is accepted with a name, an email, a role and a long enough password", () => {
    expect(createUserSchema.parse(valid)).toEqual(valid);
  });

  it("has their email trimmed and lower-cased, so one person has one account", () => {
    expect(createUserSchema.parse({ ...valid, email: "  Mira@Paper.Example " }).email).toBe("mira@paper.example");
  });

  it("has their name trimmed, and an empty name is refused beside the name field", () => {
    expect(createUserSchema.parse({ ...valid, name: "  Mira  " }).name).toBe("Mira");
    const result = createUserSchema.safeParse({ ...valid, name: "   " });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error).name).toEqual(["Give the person's name."]);
  });

  it("needs a password of at least the minimum length, kept exactly as typed", () => {
    const short = createUserSchema.safeParse({ ...valid, password: "x".repeat(minPasswordLength - 1) });
    expect(short.success).toBe(false);
    if (!short.success) expect(fieldErrorsOf(short.error).password?.[0]).toMatch(String(minPasswordLength));
    const spaced = " lantern quarry velvet ";
    expect(createUserSchema.parse({ ...valid, password: spaced }).password).toBe(spaced);
  });

  it("refuses an email that is not one, and a role that does not exist", () => {
    const result = createUserSchema.safeParse({ ...valid, email: "mira at paper", role: "owner" });
    expect(result.success).toBe(false);
    if (!result.success) {
      const errors = fieldErrorsOf(result.error);
      expect(errors.email).toHaveLength(1);
      expect(errors.role).toHaveLength(1);
    }
  });
});

describe("a role change", () => {
  it("names a user and one of the three roles", () => {
    expect(changeUserRoleSchema.safeParse({ userId: "u1", role: "editor" }).success).toBe(true);
    expect(changeUserRoleSchema.safeParse({ userId: "u1", role: "superuser" }).success).toBe(false);
    expect(changeUserRoleSchema.safeParse({ userId: "", role: "editor" }).success).toBe(false);
  });
});
