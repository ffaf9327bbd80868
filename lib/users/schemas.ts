/**
 * The contract between the users screen and the server. No server imports and no I/O; the forms
 * import only its types (the password rule's length comes from lib/auth/password.ts).
 */
import { z } from "zod";
import { minPasswordLength } from "@/lib/auth/password";
import { roles } from "@/lib/auth/policy";

export const userNameSchema = z
  .string()
  .trim()
  .min(1, { error: "Give the person's name." })
  .max(100, { error: "Keep the name under 100 characters." });

export const userEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Give a valid email address, e.g. name@paper.example." }));

export const roleSchema = z.enum(roles, { error: "Choose a role: reporter, editor or admin." });

// Not trimmed: spaces are part of a password.
export const initialPasswordSchema = z
  .string()
  .min(minPasswordLength, { error: `Use at least ${minPasswordLength} characters.` })
  .max(200, { error: "Keep the password under 200 characters." });

export const createUserSchema = z.object({
  name: userNameSchema,
  email: userEmailSchema,
  role: roleSchema,
  password: initialPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

const userIdSchema = z.string().trim().min(1, { error: "Say which user." });

export const changeUserRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export type ChangeUserRoleInput = z.infer<typeof changeUserRoleSchema>;

/** Names only the user. */
export const userRefSchema = z.object({ userId: userIdSchema });
export type UserRef = z.infer<typeof userRefSchema>;

/**
 * `acknowledgedScheduled`: the scheduled stories the admin was shown and still chose to go ahead
 * with; a deactivation that would leave others unmentioned is asked again.
 */
export const deactivateUserSchema = z.object({
  userId: userIdSchema,
  acknowledgedScheduled: z.array(z.string().max(64)).max(1000).default([]),
});
// The input side: callers outside a form (scripts, tests) may leave the list out.
export type DeactivateUserInput = z.input<typeof deactivateUserSchema>;

/** `newPassword`: required, and used, only when the account is still on the public demo password. */
export const reactivateUserSchema = z.object({ userId: userIdSchema, newPassword: initialPasswordSchema.optional() });
export type ReactivateUserInput = z.infer<typeof reactivateUserSchema>;
