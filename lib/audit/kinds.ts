/**
 * The audit log's closed set of kinds and how the admin's page names them. One entry per kind of
 * security- or publication-relevant change; article workflow detail stays in the article's history.
 */
export const auditKinds = {
  sign_in: "Signed in",
  sign_in_failed: "Failed sign-in",
  lockout: "Sign-in locked out",
  second_factor_failed: "Wrong second-factor code",
  sign_out: "Signed out",
  sign_out_everywhere: "Signed out everywhere",
  password_changed: "Changed password",
  password_reset: "Password reset by an admin",
  second_factor_enrolled: "Second factor turned on",
  second_factor_removed: "Second factor removed",
  recovery_code_used: "Recovery code used",
  recovery_codes_renewed: "Recovery codes renewed",
  user_created: "User created",
  role_changed: "Role changed",
  user_deactivated: "User deactivated",
  user_reactivated: "User reactivated",
  settings_changed: "Settings changed",
  section_changed: "Section changed",
  article_published: "Article published",
  article_republished: "Article republished",
  article_unpublished: "Article unpublished",
  article_spiked: "Article spiked",
  article_scheduled: "Article scheduled",
  article_unscheduled: "Article's schedule cancelled",
} as const;

export type AuditKind = keyof typeof auditKinds;

export function isAuditKind(value: string): value is AuditKind {
  return Object.hasOwn(auditKinds, value);
}
