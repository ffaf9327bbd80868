/**
 * The audit context of the request being served (its client's address), for the desk's thin
 * actions, which run inside server actions and route handlers.
 */
import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { noClient, type AuditContext } from "@/lib/audit/context";
import { clientAddressOf } from "./client-address";

/** Outside a request (an integration test calling a route handler directly) there is no client. */
export async function requestContext(): Promise<AuditContext> {
  try {
    return { address: clientAddressOf(await headers()) };
  } catch (error) {
    // Next's own control-flow errors must pass; only "no request here" means no client.
    unstable_rethrow(error);
    return noClient;
  }
}
