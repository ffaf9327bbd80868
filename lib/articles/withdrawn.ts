/**
 * Is this public path an article that was published and then withdrawn? The proxy asks, so such
 * URLs answer 410 Gone instead of 404. It reads through its own small client because the proxy is
 * bundled outside the React server layer that lib/db.ts is guarded for.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";

const globalForWithdrawn = globalThis as unknown as { newsdeskWithdrawnDb?: PrismaClient };

export const articlePathPattern = /^\/([a-z0-9-]+)\/([a-z0-9-]+)$/;

export async function isWithdrawnArticlePath(pathname: string): Promise<boolean> {
  const match = articlePathPattern.exec(pathname);
  if (!match) return false;
  globalForWithdrawn.newsdeskWithdrawnDb ??= createPrismaClient();
  const article = await globalForWithdrawn.newsdeskWithdrawnDb.article.findFirst({
    where: { slug: match[2], status: "unpublished" },
    select: { id: true },
  });
  return Boolean(article);
}
