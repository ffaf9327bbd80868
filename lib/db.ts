/** The one Prisma client of the server, on the better-sqlite3 driver adapter. */
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";

const globalForPrisma = globalThis as unknown as { newsdeskDb?: PrismaClient };

/** The client a transaction's callback receives: what every helper that runs inside one takes. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export const db: PrismaClient = globalForPrisma.newsdeskDb ?? createPrismaClient();

// Keep one client across hot reloads in development.
if (process.env.NODE_ENV !== "production") globalForPrisma.newsdeskDb = db;
