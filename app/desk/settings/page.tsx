import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireDeskUser } from "@/lib/auth/session";
import { listSectionsForSettings } from "@/lib/sections/queries";
import { getSecuritySettings, getSettings } from "@/lib/settings";
import { timeZoneChoices } from "@/lib/settings/time-zones";
import { NewsroomSettingsForm } from "@/components/desk/newsroom-settings-form";
import { SectionManager } from "@/components/desk/section-manager";
import { EmailStatus } from "@/components/desk/email-status";

export const metadata: Metadata = { title: "Settings | Newsdesk", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requireDeskUser();
  // Not "forbidden": to anyone but an admin this screen does not exist.
  if (!can(user, "manage:settings")) notFound();
  const [settings, security, sections] = await Promise.all([getSettings(), getSecuritySettings(), listSectionsForSettings()]);
  return (
    <>
      <div className="page-heading">
        <h1>Settings</h1>
      </div>
      <section aria-labelledby="newspaper-heading" className="admin-panel">
        <h2 id="newspaper-heading">The newspaper</h2>
        <NewsroomSettingsForm initialValues={{ ...settings, ...security }} timeZones={timeZoneChoices(settings.timeZone)} />
      </section>
      <section aria-labelledby="email-heading" className="admin-panel">
        <h2 id="email-heading">Email</h2>
        <EmailStatus />
      </section>
      <section aria-labelledby="sections-heading" className="admin-panel">
        <h2 id="sections-heading">Sections</h2>
        <p className="hint">
          The order here is the order on the masthead. A section&rsquo;s address is made from its name when it is added
          and never changes, so links keep working after a rename.
        </p>
        <SectionManager sections={sections} />
      </section>
    </>
  );
}
