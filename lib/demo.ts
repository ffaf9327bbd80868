/**
 * Demo mode: on unless NEWSDESK_DEMO=off. While on, an empty database is seeded with a demo
 * newsroom and the sign-in page lists the demo accounts below. Off, `npm start` deactivates any demo
 * account still on the demo password (lib/users/demo-accounts.ts).
 */
export const demoPassword = "newsdesk-demo";

export const demoAccounts = [
  { email: "reporter@example.com", name: "Rina Qureshi", role: "reporter" },
  { email: "editor@example.com", name: "Elias Mendes", role: "editor" },
  { email: "admin@example.com", name: "Ada Okafor", role: "admin" },
] as const;

export function isDemoMode(): boolean {
  return (process.env.NEWSDESK_DEMO ?? "on").toLowerCase() !== "off";
}
