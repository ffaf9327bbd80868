/**
 * PostgreSQL's copy of the Prisma schema: the same models, another provider, its own generated
 * client (lib/generated/prisma-postgres). Written by `npm run db:migration` next to PostgreSQL's
 * migrations, and checked against prisma/schema.prisma by tests/postgres/migrate.test.ts.
 */
import path from "node:path";

export const postgresSchemaFile = path.join("prisma", "postgres", "schema.prisma");

export function postgresSchema(schema: string): string {
  const swapped = schema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/lib\/generated\/prisma"/, 'output     = "../../lib/generated/prisma-postgres"');
  if (!swapped.includes('provider = "postgresql"') || !swapped.includes("prisma-postgres")) {
    throw new Error("prisma/schema.prisma no longer has the datasource and generator lib/postgres/schema.ts expects");
  }
  return `// Generated from prisma/schema.prisma by npm run db:migration: edit that file, not this one.\n${swapped}`;
}
