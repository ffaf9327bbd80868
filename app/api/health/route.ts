import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 when it does not. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
