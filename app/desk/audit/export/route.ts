import { can } from "@/lib/auth/policy";
import { getCurrentUser } from "@/lib/auth/session";
import { readAuditFilters } from "@/lib/audit/filters";
import { auditCsvStream } from "@/lib/audit/queries";
import { now } from "@/lib/time/clock";
import { getSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";

/**
 * GET /desk/audit/export?actor=…&kind=…&from=…&to=…  The audit page's filtered entries as CSV, for
 * admins only; to anyone else it does not exist, as the page does not.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ ok: false, error: "Sign in first." }, { status: 401 });
  if (!can(user, "read:audit")) return new Response("Not found", { status: 404 });
  const reading = readAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  if (!reading.ok) {
    return Response.json({ ok: false, code: "invalid_input", error: "Some filters need attention.", fieldErrors: reading.fieldErrors }, { status: 422 });
  }
  const { timeZone } = await getSettings();
  const day = now().toISOString().slice(0, 10);
  return new Response(auditCsvStream(reading.filters, timeZone), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="newsdesk-audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
