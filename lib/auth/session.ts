/**
 * The signed-in user, read fresh from the database on every request. A deactivated user, or one
 * whose account is gone, is treated as signed out even while their cookie is still valid.
 */
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { authOptions } from "./options";
import { isRole, type Actor, type Role } from "./policy";

export type SessionUser = Actor & { name: string; email: string };

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, name: true, email: true, role: true, active: true },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role as Role };
});

/** For desk pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireDeskUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For actions and API routes: the signed-in user, or an `unauthenticated` DeskError. */
export async function requireActor(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new DeskError("unauthenticated", "Your session has ended. Sign in again; your text is kept here.");
  return user;
}
