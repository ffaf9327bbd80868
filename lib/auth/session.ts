/**
 * The signed-in user, read fresh from the database on every request. A deactivated user, or one
 * whose account is gone, is treated as signed out even while their cookie is still valid. A user
 * whose role needs a second factor and who has none may only enrol (the gate below).
 */
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { isDemoMode } from "@/lib/demo";
import { DeskError } from "@/lib/errors";
import { getSecuritySettings } from "@/lib/settings";
import { authOptions } from "./options";
import { isRole, type Actor, type Role } from "./policy";
import { secondFactorPath, secondFactorRequired } from "./second-factor-rules";

export type SessionUser = Actor & {
  name: string;
  email: string;
  /** Needs a second factor and has none: every desk page sends them to enrol (secondFactorPath). */
  mustEnrolSecondFactor: boolean;
};

/** Only the enrolment page, its actions and the desk's frame pass this, so enrolling stays possible. */
type Gate = { allowPendingEnrolment?: boolean };

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, name: true, email: true, role: true, active: true, totpSecret: true },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  const role = user.role as Role;
  const mustEnrolSecondFactor = !user.totpSecret && secondFactorRequired({ role, email: user.email }, await getSecuritySettings(), isDemoMode());
  return { id: user.id, name: user.name, email: user.email, role, mustEnrolSecondFactor };
});

/** For desk pages: the signed-in user, or a redirect to the sign-in page (or to enrol). */
export async function requireDeskUser({ allowPendingEnrolment = false }: Gate = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustEnrolSecondFactor && !allowPendingEnrolment) redirect(secondFactorPath);
  return user;
}

/** For actions and API routes: the signed-in user, or an `unauthenticated` (or `forbidden`) DeskError. */
export async function requireActor({ allowPendingEnrolment = false }: Gate = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new DeskError("unauthenticated", "Your session has ended. Sign in again; your text is kept here.");
  if (user.mustEnrolSecondFactor && !allowPendingEnrolment) {
    throw new DeskError("forbidden", "Set up your second factor first: your role needs one.");
  }
  return user;
}
