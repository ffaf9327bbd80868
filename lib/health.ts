/**
 * What /api/health answers. `SELECT 1` succeeds on an empty file too, so the check reads a real
 * table instead: a database the migrations never reached, or one that cannot be opened, is
 * unhealthy. The answer is a short JSON body either way; what went wrong goes to the server's log,
 * never to the caller.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { errorSummary } from "@/lib/errors";

export async function databaseHealth(db: Pick<PrismaClient, "settings">): Promise<Response> {
  try {
    // The newsroom's settings: made by the first migration, one row at most, so the read is cheap.
    await db.settings.findFirst({ select: { id: true } });
    return Response.json({ status: "ok" });
  } catch (error) {
    console.error(`Health check: the database did not answer (${errorSummary(error)})`);
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}

