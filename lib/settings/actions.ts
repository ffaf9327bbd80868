"use server";
/**
 * The settings form's action (lib/server/desk-action.ts). The newspaper's name and time zone appear
 * on every public and desk page, so a change refreshes the whole site.
 */
import "server-only";
import { deskAction } from "@/lib/server/desk-action";
import { updateSettings } from "./commands/update-settings";
import { newsroomSettingsSchema } from "./schemas";

export const updateSettingsAction = deskAction(
  { input: newsroomSettingsSchema, needs: "manage:settings", refreshes: () => [{ path: "/", type: "layout" }] },
  (input, { actor, context }) => updateSettings({ input, actor, context }),
);
