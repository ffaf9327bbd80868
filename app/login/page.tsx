import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { DemoAccounts } from "@/components/desk/demo-accounts";
import { LoginForm } from "@/components/desk/login-form";
import { UntilHydrated } from "@/components/ui/until-hydrated";

export const metadata: Metadata = { title: "Sign in | Newsdesk", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Only same-site desk paths are followed after sign-in. */
function safeCallback(value: string | undefined): string {
  if (!value) return "/desk";
  try {
    const url = new URL(value, "http://newsdesk.invalid");
    return url.pathname.startsWith("/desk") ? `${url.pathname}${url.search}` : "/desk";
  } catch {
    return "/desk";
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ callbackUrl }, user] = await Promise.all([searchParams, getCurrentUser()]);
  if (user) redirect("/desk");
  return (
    <main id="main" className="login-page">
      <h1>Sign in to Newsdesk</h1>
      <UntilHydrated>
        <LoginForm callbackUrl={safeCallback(callbackUrl)} />
      </UntilHydrated>
      <DemoAccounts />
    </main>
  );
}
