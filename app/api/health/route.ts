import { db } from "@/lib/db";
import { databaseHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** 200 when the migrated database answers, 503 when it does not (lib/health.ts). */
export function GET() {
  return databaseHealth(db);
}
