"use server";

import { cookies } from "next/headers";
import { sessionCookieName } from "@/lib/auth/cookies";
import { runChangePassword, runSignOutEverywhere } from "@/lib/users/account-actions";

export async function changePasswordAction(input: unknown) {
  return runChangePassword(input);
}

export async function signOutEverywhereAction() {
  const result = await runSignOutEverywhere();
  // This browser's session ended with the others; its cookie goes too.
  if (result.ok) (await cookies()).delete(sessionCookieName());
  return result;
}
