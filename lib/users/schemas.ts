/**
 * The contract between the users screen and the server. No I/O; the forms import only its types
 * (the password rules, with their dictionary, live in lib/auth/password-rules.ts).
 */
import { z } from "zod";
import { passwordProblem } from "@/lib/auth/password-rules";
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

// Not trimmed: spaces are part of a password. Every new password (a new user's, a changed one, an
// admin's reset) passes the same rules.
export const newPasswordSchema = z.string({ error: "Give a password." }).superRefine((password, context) => {
  const problem = passwordProblem(password);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

export const createUserSchema = z.object({
  name: userNameSchema,
  email: userEmailSchema,
  role: roleSchema,
  password: newPasswordSchema,
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
export const reactivateUserSchema = z.object({ userId: userIdSchema, newPassword: newPasswordSchema.optional() });
export type ReactivateUserInput = z.infer<typeof reactivateUserSchema>;

/** Every user, for themselves: the current password proves it is them, not someone at their desk. */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, { error: "Give your current password." }).max(1000),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** An admin's reset: a temporary password they give to the person, or none to have one made. */
export const resetPasswordSchema = z.object({
  userId: userIdSchema,
  temporaryPassword: z
    .string()
    .optional()
    .superRefine((password, context) => {
      const problem = password ? passwordProblem(password) : null;
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
