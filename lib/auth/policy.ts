/**
 * Who may do what: the one authorization policy. Every read of non-public content and every
 * mutation asks it, on the server, whatever the UI shows.
 *
 * Three questions (after Wagtail's permission policies and Epic Stack's own/any strings):
 * - `can(user, permission)`: may this user do this at all?
 * - `canOn(user, permission, article)`: may they do it to this article (own vs any)?
 * - `visibleArticlesWhere(user)`: which articles may they see in the desk?
 *   (`visibleAssignmentsWhere(user)` answers the same for story assignments.)
 *
 * A guard is written one way: `requirePermission(user, permission, article?)`, which throws the
 * permission's refusal as a DeskError("forbidden"). The desk's actions declare theirs
 * (lib/server/desk-action.ts); commands call it again, so no way in skips it.
 *
 * The media library is shared: all staff upload and browse it; an image's alt text, caption and
 * credit are edited by whoever uploaded it, or by an editor (`canOn(user, "edit:media:own",
 * { authorId: image.uploadedById })`).
 */
import { DeskError } from "@/lib/errors";

export const roles = ["reporter", "editor", "admin"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "create:article",
  "view:article:own",
  "view:article:any",
  "edit:article:own",
  "edit:article:any",
  "submit:article:own",
  "submit:article:any",
  "review:article:any",
  "publish:article:any",
  "spike:article:any",
  // Fields of an article that are an editor's call (lib/articles/editable-fields.ts): who else
  // signs it, and the address (slug and section) of a story readers have had.
  "edit:byline:any",
  "edit:published-address:any",
  "assign:story:any",
  "upload:media",
  "browse:media",
  "edit:media:own",
  "edit:media:any",
  "manage:users",
  "manage:settings",
  "read:audit",
] as const;
export type Permission = (typeof permissions)[number];

const reporter: readonly Permission[] = [
  "create:article",
  "view:article:own",
  "edit:article:own",
  "submit:article:own",
  "upload:media",
  "browse:media",
  "edit:media:own",
];
const editor: readonly Permission[] = [
  ...reporter,
  "view:article:any",
  "edit:article:any",
  "submit:article:any",
  "review:article:any",
  "publish:article:any",
  "spike:article:any",
  "edit:byline:any",
  "edit:published-address:any",
  "assign:story:any",
  "edit:media:any",
];
// The audit log names every person's sign-ins and addresses: for admins only.
const admin: readonly Permission[] = [...editor, "manage:users", "manage:settings", "read:audit"];

const grants = { reporter, editor, admin } satisfies Record<Role, readonly Permission[]>;

export type Actor = { id: string; role: Role };
export type OwnedArticle = { authorId: string };

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function can(user: Pick<Actor, "role">, permission: Permission): boolean {
  return grants[user.role].includes(permission);
}

/**
 * May `user` take the own/any `permission` on `article`? An ":own" permission is satisfied by its
 * ":any" twin, and by itself only when the user wrote the article.
 */
export function canOn(user: Actor, permission: Permission, article: OwnedArticle): boolean {
  if (permission.endsWith(":own")) {
    const any = permission.replace(/:own$/, ":any") as Permission;
    if ((permissions as readonly string[]).includes(any) && can(user, any)) return true;
    return can(user, permission) && article.authorId === user.id;
  }
  return can(user, permission);
}

/** What a refusal says, per permission. */
const refusals = {
  "create:article": "You may not create articles.",
  "view:article:own": "You may not see this article.",
  "view:article:any": "You may not see this article.",
  "edit:article:own": "You may not edit this article.",
  "edit:article:any": "You may not edit this article.",
  "submit:article:own": "You may not submit this article.",
  "submit:article:any": "You may not submit this article.",
  "review:article:any": "You may not review articles.",
  "publish:article:any": "You may not publish, schedule or withdraw articles.",
  "spike:article:any": "You may not spike or restore articles.",
  "edit:byline:any": "Only an editor can change who else signs this story.",
  "edit:published-address:any": "This story has been published: only an editor can change its address.",
  "assign:story:any": "You may not assign stories.",
  "upload:media": "You may not upload images.",
  "browse:media": "You may not browse the media library.",
  "edit:media:own": "You may edit the details of your own images only. Ask an editor.",
  "edit:media:any": "You may edit the details of your own images only. Ask an editor.",
  "manage:users": "You may not manage users.",
  "manage:settings": "You may not change the newspaper's settings.",
  "read:audit": "You may not read the audit log.",
} satisfies Record<Permission, string>;

/** What a refusal of `permission` says; also the message beside a field an actor may not change. */
export function refusalOf(permission: Permission): string {
  return refusals[permission];
}

/**
 * The guard: returns when `user` may take `permission` (on `target`, for an own/any permission
 * that concerns one article or image), and throws DeskError("forbidden") with its refusal otherwise.
 * Call it before touching the database.
 */
export function requirePermission(user: Actor, permission: Permission, target?: OwnedArticle): void {
  if (!(target ? canOn(user, permission, target) : can(user, permission))) throw new DeskError("forbidden", refusals[permission]);
}

/** The Prisma `where` that limits every desk list and single read to what `user` may see. */
export function visibleArticlesWhere(user: Actor): { authorId?: string } {
  return can(user, "view:article:any") ? {} : { authorId: user.id };
}

/** The Prisma `where` that limits the assignments `user` sees: editors all, reporters their own. */
export function visibleAssignmentsWhere(user: Actor): { assigneeId?: string } {
  return can(user, "assign:story:any") ? {} : { assigneeId: user.id };
}
