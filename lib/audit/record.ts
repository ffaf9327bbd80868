/**
 * Writing to the audit log. Call it with the transaction that makes the change, so the entry and
 * the change land together or not at all. The table is append-only (migration 0007's triggers).
 */
import type { AuditKind } from "./kinds";

/** Anything with Prisma's `auditEntry` delegate: the client itself or a transaction. */
type AuditWriter = { auditEntry: { create(args: { data: AuditEntryInput }): Promise<unknown> } };

type AuditEntryInput = {
  kind: string;
  actorId: string | null;
  address: string;
  subject: string;
  summary: string;
  detail: string;
  at?: Date;
};

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
  await tx.auditEntry.create({
    data: {
      kind: record.kind,
      actorId: record.actorId,
      address: record.address ?? "",
      subject: record.subject ?? "",
      summary: record.summary,
      detail: JSON.stringify(record.detail ?? {}),
      ...(record.at ? { at: record.at } : {}),
    },
  });
}
