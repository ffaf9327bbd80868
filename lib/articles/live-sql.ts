/** The rule of live.ts in raw SQL, for the queries we write by hand (search, listings). Server only. */
import { Prisma } from "@/lib/generated/prisma/client";
import { liveStatus } from "./live";

/** Whether the article row named (or aliased) `table` is live. */
export function liveSql(table: string): Prisma.Sql {
  const article = Prisma.raw(`"${table}"`);
  return Prisma.sql`${article}."status" = ${liveStatus} AND ${article}."liveRevisionId" IS NOT NULL`;
}
