/**
 * Who must have a second factor. Editors and admins can publish under the masthead, so they always
 * need one; reporters when the newsroom's settings say so. The demo accounts are exempt while demo
 * mode is on (their password is public anyway, and they only ever work on a loopback-bound server);
 * they can still enrol. Pure: the settings and the demo mode are arguments.
 */
import { demoAccounts } from "@/lib/demo";
import type { Role } from "./policy";

export type SecondFactorSettings = { requireSecondFactorForReporters: boolean };

export function isDemoAccount(email: string): boolean {
  return demoAccounts.some((account) => account.email === email.toLowerCase());
}

export function secondFactorRequired(
  user: { role: Role; email: string },
  settings: SecondFactorSettings,
  demoMode: boolean,
): boolean {
  if (demoMode && isDemoAccount(user.email)) return false;
  return user.role === "reporter" ? settings.requireSecondFactorForReporters : true;
}

/** Where a user who must enrol is sent, from sign-in and from every other desk page. */
export const secondFactorPath = "/desk/account/second-factor";
