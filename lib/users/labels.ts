/** How roles are named on screen. */
import type { Role } from "@/lib/auth/policy";

export const roleLabels = { reporter: "Reporter", editor: "Editor", admin: "Admin" } satisfies Record<Role, string>;

/** "Added Mira as a reporter", "Elias is now an editor". */
export const aRole = { reporter: "a reporter", editor: "an editor", admin: "an admin" } satisfies Record<Role, string>;
