/** The one Prisma client of the server, on the better-sqlite3 driver adapter. */
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";

const globalForPrisma = globalThis as unknown as { newsdeskDb?: PrismaClient };

export const db: PrismaClient = globalForPrisma.newsdeskDb ?? createPrismaClient();

// Keep one client across hot reloads in development.
if (process.env.NODE_ENV !== "production") globalForPrisma.newsdeskDb = db;
