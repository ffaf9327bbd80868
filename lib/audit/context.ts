/**
 * Where a change came from, passed by the desk's thin actions into each command beside the actor,
 * so the audit entry the command writes names the client's address. Scripts and the scheduler
 * have no client: their address is "".
 */
export type AuditContext = { address: string };

/** A change made by no client: a script, the scheduler, a test. */
export const noClient: AuditContext = { address: "" };
