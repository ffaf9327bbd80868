"use server";
/**
 * The notification screens' actions (docs/decisions/019): every signed-in person manages their own
 * notifications, so each needs only a session; following an article also needs to see it, which
 * followArticle checks on the row.
 */
import { deskAction, noInput } from "@/lib/server/desk-action";
import { markAllRead } from "./queries";
import { followArticle, savePreferences } from "./preferences";
import { followArticleSchema, preferencesSchema } from "./schemas";

export const markAllReadAction = deskAction(
  { input: noInput, needs: "signed-in", refreshes: () => [{ path: "/desk", type: "layout" }] },
  async (_input, { actor, now }) => ({ marked: await markAllRead(actor, now) }),
);

export const savePreferencesAction = deskAction(
  { input: preferencesSchema, needs: "signed-in", refreshes: () => ["/desk/account/notifications"] },
  (input, { actor }) => savePreferences({ input, actor }),
);

export const followArticleAction = deskAction(
  { input: followArticleSchema, needs: "signed-in", refreshes: () => [{ path: "/desk/articles", type: "layout" }] },
  (input, { actor }) => followArticle({ input, actor }),
);
