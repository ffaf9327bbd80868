import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/desk-results";
import { changePasswordSchema, createUserSchema, resetPasswordSchema } from "@/lib/users/schemas";
import { maxPasswordBytes, minPasswordLength, passwordProblem } from "./password-rules";

describe("a new password", () => {
  it("is accepted when long and not predictable", () => {
    expect(passwordProblem("lantern quarry velvet")).toBeNull();
    expect(passwordProblem("harbour-lights-mk3abcd")).toBeNull();
  });

  it("needs at least 12 characters", () => {
    expect(minPasswordLength).toBe(12);
    expect(passwordProblem("kx7!vq2#mw9")).toBe("Use at least 12 characters.");
    expect(passwordProblem("kx7!vq2#mw9z")).toBeNull();
  });

  it("is refused when it is a common password, however long", () => {
    for (const common of ["qwerty123456", "123456789012", "passwordpassword", "1qaz2wsx3edc", "iloveyou1234"]) {
      expect(passwordProblem(common), common).toMatch(/too common or too easy to guess/);
    }
  });

  it("is refused when it is the newsroom's public demo password or built from it", () => {
    expect(passwordProblem("newsdesk-demo")).toMatch(/too common/);
    expect(passwordProblem("newsdesk-demo1")).toMatch(/too common/);
  });

  it("is refused past 72 bytes, counted as bcrypt counts them, with a message rather than a silent cut", () => {
    const ascii = "lantern quarry velvet ".repeat(4).slice(0, maxPasswordBytes);
    expect(passwordProblem(ascii)).toBeNull();
    expect(passwordProblem(`${ascii}x`)).toMatch(/72 bytes/);
    // 36 accented letters are 72 bytes; one more is over, though only 37 characters long.
    const accented = "é".repeat(36);
    expect(passwordProblem(`${accented}kq`)).toMatch(/72 bytes/);
  });
});

describe("the forms that set a password", () => {
  const person = { name: "Mira Santos", email: "mira@paper.example", role: "reporter" };

  it("show the rule beside the password field when adding a user", () => {
    const result = createUserSchema.safeParse({ ...person, password: "qwerty123456" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error).password).toEqual(["That password is too common or too easy to guess. Try a few unrelated words together."]);
  });

  it("show the rule beside the new password when changing it, and ask for the current one", () => {
    const result = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "short" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrorsOf(result.error)).toEqual({ currentPassword: ["Give your current password."], newPassword: ["Use at least 12 characters."] });
    }
  });

  it("let an admin's reset leave the temporary password empty (one is made) or give a good one", () => {
    expect(resetPasswordSchema.safeParse({ userId: "u1", temporaryPassword: "" }).success).toBe(true);
    expect(resetPasswordSchema.safeParse({ userId: "u1" }).success).toBe(true);
    expect(resetPasswordSchema.safeParse({ userId: "u1", temporaryPassword: "lantern quarry velvet" }).success).toBe(true);
    const weak = resetPasswordSchema.safeParse({ userId: "u1", temporaryPassword: "password1234" });
    expect(weak.success).toBe(false);
    if (!weak.success) expect(fieldErrorsOf(weak.error).temporaryPassword).toHaveLength(1);
  });
});
