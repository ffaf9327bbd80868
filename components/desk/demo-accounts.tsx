import { demoAccounts, demoPassword, isDemoMode } from "@/lib/demo";

/**
 * The sign-in page's list of demo accounts, only in demo mode: with it off, `npm start` has closed
 * any demo account still on the public password (lib/users/demo-accounts.ts).
 */
export function DemoAccounts() {
  if (!isDemoMode()) return null;
  return (
    <section className="demo-accounts" aria-labelledby="demo-heading">
      <h2 id="demo-heading">Demo accounts</h2>
      <p>
        Password for each: <code>{demoPassword}</code>
      </p>
      <ul>
        {demoAccounts.map((account) => (
          <li key={account.email}>
            <code>{account.email}</code> ({account.role})
          </li>
        ))}
      </ul>
    </section>
  );
}
