/** The contract between the second-factor forms and the server. No server imports, no I/O. */
import { z } from "zod";

export const enrolmentSchema = z.object({
  token: z.string().min(1).max(2000),
  code: z
    .string()
    .transform((value) => value.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, { error: "Type the six digits your app shows." })),
});
export type EnrolmentInput = z.infer<typeof enrolmentSchema>;

/** Removing the factor or renewing the codes: the password again, so a borrowed session cannot. */
export const passwordConfirmationSchema = z.object({
  password: z.string().min(1, { error: "Type your password." }).max(1000),
});
export type PasswordConfirmation = z.infer<typeof passwordConfirmationSchema>;
