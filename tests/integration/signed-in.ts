/**
 * The session, stubbed at the edge of the machine: the integration tests replace
 * `@/lib/auth/session` with this module (`vi.mock("@/lib/auth/session", () => import("./signed-in"))`),
 * and each request then acts as whichever user `signedIn` names.
 */
import { DeskError } from "@/lib/errors";

export type TestUser = { id: string; role: "reporter" | "editor" | "admin"; name: string; email: string };

let current: TestUser | null = null;

export function signedIn(user: TestUser | null) {
  current = user;
}

export const getCurrentUser = async () => current;
export const requireDeskUser = async () => current;
export const peekCurrentUser = async () => current;
export async function requireActor() {
  if (!current) throw new DeskError("unauthenticated", "Your session has ended.");
  return current;
}
export const admitActor = requireActor;

/** A seeded user by e-mail, shaped as the session gives it. */
export function userByEmail(users: { id: string; role: string; name: string; email: string }[], email: string): TestUser {
  const user = users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`No seeded user ${email}`);
  return { id: user.id, role: user.role as TestUser["role"], name: user.name, email: user.email };
}
