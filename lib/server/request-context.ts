/**
 * The audit context of the request being served (its client's address), for the desk's thin
 * actions, which run inside server actions and route handlers.
 */
import "server-only";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { clientAddressOf } from "./client-address";
import { currentRequestHeaders } from "./request-headers";

/** Outside a request (an integration test calling a route handler directly) there is no client. */
export async function requestContext(): Promise<AuditContext> {
  const headers = await currentRequestHeaders();
  return headers ? { address: clientAddressOf(headers) } : noClient;
}
