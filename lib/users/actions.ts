"use server";
/**
 * The users screen's and the account page's actions (lib/server/desk-action.ts). Managing staff
 * needs "manage:users"; the account's own actions need only a session, and serve a user who must
 * change their password or enrol a second factor first: that is what the account page is for.
 */
import "server-only";
import { cookies } from "next/headers";
import { sessionCookieName } from "@/lib/auth/cookies";
import { invalidInput } from "@/lib/desk-results";
import { deskAction, noInput, type DeskPath } from "@/lib/server/desk-action";
import { changePassword } from "./commands/change-password";
import { changeUserRole } from "./commands/change-user-role";
import { createUser } from "./commands/create-user";
import { deactivateUser } from "./commands/deactivate-user";
import { reactivateUser } from "./commands/reactivate-user";
import { removeSecondFactor } from "./commands/remove-second-factor";
import { resetPassword } from "./commands/reset-password";
import { signOutEverywhere } from "./commands/sign-out-everywhere";
import {
  changePasswordSchema,
  changeUserRoleSchema,
  createUserSchema,
  deactivateUserSchema,
  reactivateUserSchema,
  resetPasswordSchema,
  userRefSchema,
} from "./schemas";

// Every desk page shows who is signed in and what they may do, so a change refreshes the whole desk.
const wholeDesk = (): DeskPath[] => [{ path: "/desk", type: "layout" }];
const ownAccount = { allowPendingPasswordChange: true, allowPendingEnrolment: true };

export const createUserAction = deskAction(
  {
    input: createUserSchema,
    needs: "manage:users",
    refreshes: wholeDesk,
    // The only conflict a new user can meet is a taken email: shown beside the email field.
    refused: (failure) => (failure.code === "conflict" ? { ...invalidInput({ email: [failure.error] }), code: "conflict" as const } : failure),
  },
  (input, { actor, now, context }) => createUser({ input, actor, now, context }),
);

export const changeUserRoleAction = deskAction(
  { input: changeUserRoleSchema, needs: "manage:users", refreshes: wholeDesk },
  (input, { actor, now, context }) => changeUserRole({ input, actor, now, context }),
);

/** `{ ok: true, deactivated: false, scheduled }`: nothing changed yet; show the stories and ask again. */
export const deactivateUserAction = deskAction(
  { input: deactivateUserSchema, needs: "manage:users", refreshes: wholeDesk },
  (input, { actor, now, context }) => deactivateUser({ input, actor, now, context }),
);

export const reactivateUserAction = deskAction(
  { input: reactivateUserSchema, needs: "manage:users", refreshes: wholeDesk },
  (input, { actor, now, context }) => reactivateUser({ input, actor, now, context }),
);

export const removeSecondFactorAction = deskAction(
  { input: userRefSchema, needs: "manage:users", refreshes: wholeDesk },
  (input, { actor, now, context }) => removeSecondFactor({ input, actor, now, address: context.address }),
);

// No refresh: the made password is in this result, shown once, and nothing else on the page changes.
export const resetPasswordAction = deskAction(
  { input: resetPasswordSchema, needs: "manage:users" },
  (input, { actor, now, context }) => resetPassword({ input, actor, address: context.address, now }),
);

export const changePasswordAction = deskAction(
  { input: changePasswordSchema, needs: "signed-in", gate: ownAccount },
  (input, { actor, now, context }) => changePassword({ input, actor, address: context.address, now }),
);

export const signOutEverywhereAction = deskAction({ input: noInput, needs: "signed-in", gate: ownAccount }, async (_, { actor, now, context }) => {
  const result = await signOutEverywhere({ actor, address: context.address, now });
  // This browser's session ended with the others; its cookie goes too.
  (await cookies()).delete(sessionCookieName());
  return result;
});
