/**
 * Writing to the audit log. Call it with the transaction that makes the change, so the entry and
 * the change land together or not at all. The table is append-only (migration 0007's triggers).
 */
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rowId } from "@/lib/row-id";
import type { AuditKind } from "./kinds";

/** The client itself or a transaction. */
type AuditWriter = Pick<Tx, "$executeRaw">;

export type AuditRecord = {
  kind: AuditKind;
  /** Who did it; null when nobody is signed in (a failed sign-in). */
  actorId: string | null;
  /** The client's address (lib/server/client-address.ts), "" when unknown (a script, the scheduler). */
  address?: string;
  /** "user:<id>", "article:<id>", "section:<id>", "settings", or the email typed at sign-in. */
  subject?: string;
  summary: string;
  detail?: Record<string, unknown>;
  at?: Date;
};

export async function recordAudit(tx: AuditWriter, record: AuditRecord): Promise<void> {
  await tx.$executeRaw(auditInsert(record));
}

/**
 * The entry's insert, a plain statement: Prisma compiled its create afresh inside every publication
 * (lib/row-id.ts). A publication sends it with its other writes (lib/writes-together.ts).
 */
export function auditInsert(record: AuditRecord): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "AuditEntry" ("id", "at", "actorId", "kind", "address", "subject", "summary", "detail")
    VALUES (${rowId()}, ${record.at ?? new Date()}, ${record.actorId}, ${record.kind}, ${record.address ?? ""}, ${record.subject ?? ""}, ${record.summary}, ${JSON.stringify(record.detail ?? {})})`;
}
