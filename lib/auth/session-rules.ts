/**
 * When a desk session still holds: the rules alone, with the clock passed in. A session is a
 * DeskSession row (made at sign-in, named in the token) and the user's session version (in the
 * token, bumped to end every session at once: password reset, deactivation, role change, "Sign
 * out everywhere").
 */
export const sessionLimits = {
  /** The absolute end from sign-in, whatever the activity. */
  lifetimeMs: 12 * 60 * 60 * 1000,
  /** Ended after this long without a request. */
  idleMs: 8 * 60 * 60 * 1000,
  /** lastSeenAt is written at most this often, so a busy desk does not write on every request. */
  touchEveryMs: 60 * 1000,
};

export type SessionFacts = { expiresAt: Date; lastSeenAt: Date; endedAt: Date | null };

export type SessionState = "valid" | "missing" | "ended" | "expired" | "idle" | "outdated";

export function sessionState({
  session,
  tokenVersion,
  userVersion,
  now,
}: {
  session: SessionFacts | null;
  tokenVersion: number | undefined;
  userVersion: number;
  now: Date;
}): SessionState {
  if (!session) return "missing";
  if (session.endedAt) return "ended";
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionLimits.idleMs) return "idle";
  if (tokenVersion !== userVersion) return "outdated";
  return "valid";
}

export function sessionExpiry(signedInAt: Date): Date {
  return new Date(signedInAt.getTime() + sessionLimits.lifetimeMs);
}

/** Whether this request should record the session as seen now. */
export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= sessionLimits.touchEveryMs;
}
