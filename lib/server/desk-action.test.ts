import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DeskError } from "@/lib/errors";

type User = { id: string; role: "reporter" | "editor" | "admin"; mustChangePassword?: boolean };
let signedIn: User | null = null;

// The session and Next's page cache are the edges here: who is signed in, and what was refreshed.
vi.mock("@/lib/auth/session", () => ({
  requireActor: async (gate: { allowPendingPasswordChange?: boolean } = {}) => {
    if (!signedIn) throw new DeskError("unauthenticated", "Your session has ended.");
    if (signedIn.mustChangePassword && !gate.allowPendingPasswordChange) throw new DeskError("forbidden", "Choose a new password first.");
    return signedIn;
  },
}));
const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));

const { deskAction } = await import("./desk-action");

const reporter: User = { id: "r1", role: "reporter" };
const admin: User = { id: "a1", role: "admin" };
const renameSchema = z.object({ name: z.string().trim().min(1, { error: "Name it." }) });

beforeEach(() => {
  signedIn = null;
  revalidatePath.mockClear();
});

describe("a desk action", () => {
  const command = vi.fn(async (input: { name: string }, { actor }: { actor: { id: string } }) => ({ name: input.name, by: actor.id }));
  const rename = deskAction({ input: renameSchema, needs: "manage:settings", refreshes: () => ["/desk/settings"] }, command);
  beforeEach(() => {
    command.mockClear();
  });

  it("parses first: a mistake comes back beside its field, and nothing runs", async () => {
    signedIn = admin;
    expect(await rename({ name: " " })).toEqual({ ok: false, code: "invalid_input", error: "Some fields need attention.", fieldErrors: { name: ["Name it."] } });
    expect(command).not.toHaveBeenCalled();
  });

  it("refuses the signed-out with 'unauthenticated' and someone without the permission it needs with 'forbidden'", async () => {
    expect(await rename({ name: "City" })).toMatchObject({ ok: false, code: "unauthenticated" });
    signedIn = reporter;
    expect(await rename({ name: "City" })).toEqual({ ok: false, code: "forbidden", error: "You may not change the newspaper's settings." });
    expect(command).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("runs the command with the actor and refreshes the pages it changed", async () => {
    signedIn = admin;
    expect(await rename({ name: " City " })).toEqual({ ok: true, name: "City", by: "a1" });
    expect(command).toHaveBeenCalledWith({ name: "City" }, expect.objectContaining({ actor: admin, now: expect.any(Date) }));
    expect(revalidatePath).toHaveBeenCalledWith("/desk/settings");
  });

  it("turns a command's refusal into a result, shaped for the form when the action says how", async () => {
    signedIn = admin;
    const taken = deskAction(
      {
        input: renameSchema,
        needs: "manage:settings",
        refused: (failure) => ({ ...failure, fieldErrors: { name: [failure.error] } }),
      },
      async () => {
        throw new DeskError("conflict", "That name is taken.");
      },
    );
    expect(await taken({ name: "City" })).toEqual({ ok: false, code: "conflict", error: "That name is taken.", fieldErrors: { name: ["That name is taken."] } });
  });

  it("reads a permission that depends on the input, and lets a pending step through only where it says so", async () => {
    const act = deskAction(
      { input: z.object({ verb: z.enum(["submit", "publish"]) }), needs: ({ verb }) => (verb === "publish" ? "publish:article:any" : "submit:article:own") },
      async ({ verb }) => ({ verb }),
    );
    signedIn = reporter;
    expect(await act({ verb: "submit" })).toEqual({ ok: true, verb: "submit" });
    expect(await act({ verb: "publish" })).toMatchObject({ ok: false, code: "forbidden" });

    signedIn = { ...reporter, mustChangePassword: true };
    const ownAccount = deskAction({ input: z.unknown(), needs: "signed-in", gate: { allowPendingPasswordChange: true } }, async () => ({ done: true }));
    expect(await act({ verb: "submit" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await ownAccount()).toEqual({ ok: true, done: true });
  });
});
