-- The audit log is append-only: the database itself refuses to change or remove an entry, as
-- SQLite's triggers do (prisma/migrations/0007_trust). Written by hand: Prisma's schema cannot say it.
CREATE FUNCTION "audit_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit log is append-only';
END;
$$;

CREATE TRIGGER "AuditEntry_no_update" BEFORE UPDATE ON "AuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "audit_entry_is_append_only"();
CREATE TRIGGER "AuditEntry_no_delete" BEFORE DELETE ON "AuditEntry"
    FOR EACH ROW EXECUTE FUNCTION "audit_entry_is_append_only"();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_is_append_only"();
