import type { Metadata } from "next";
import QRCode from "qrcode";
import { formatDateTime } from "@/lib/time/format";
import { now } from "@/lib/time/clock";
import { isDemoMode } from "@/lib/demo";
import { sealEnrolment } from "@/lib/auth/enrolment-token";
import { secondFactorStatus } from "@/lib/auth/second-factor";
import { secondFactorRequired } from "@/lib/auth/second-factor-rules";
import { serverKey } from "@/lib/auth/server-keys";
import { requireDeskUser } from "@/lib/auth/session";
import { groupedSecret, newTotpSecret, totpUri } from "@/lib/auth/totp";
import { getSecuritySettings, getSettings } from "@/lib/settings";
import { SecondFactorPanel, type PendingEnrolment } from "@/components/desk/second-factor-panel";

export const metadata: Metadata = { title: "Second factor | Newsdesk", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * The signed-in user's second factor: set it up (a new secret on every visit, held only in the
 * signed form until a code confirms it), or, once on, renew the recovery codes or remove it. The
 * one desk page a user who must enrol can reach.
 */
export default async function SecondFactorPage() {
  const user = await requireDeskUser({ allowPendingEnrolment: true });
  const [status, settings, security] = await Promise.all([secondFactorStatus(user.id), getSettings(), getSecuritySettings()]);
  const required = secondFactorRequired(user, security, isDemoMode());
  return (
    <>
      <div className="page-heading">
        <h1>Second factor</h1>
      </div>
      {user.mustEnrolSecondFactor ? (
        <p className="notice">
          Your role needs a second factor: a six-digit code from an app on your phone, asked for after your password.
          Set it up here to continue to the desk.
        </p>
      ) : null}
      <SecondFactorPanel
        enrolled={
          status.enrolledAt
            ? { since: formatDateTime(status.enrolledAt, settings.timeZone), recoveryCodesLeft: status.recoveryCodesLeft, removable: !required }
            : null
        }
        pending={status.enrolledAt ? null : await pendingEnrolment(user, settings.newspaperName)}
      />
    </>
  );
}

async function pendingEnrolment(user: { id: string; email: string }, newspaperName: string): Promise<PendingEnrolment> {
  const secret = newTotpSecret();
  const uri = totpUri({ secret, issuer: newspaperName, account: user.email });
  // An SVG drawn here, on the server, and inlined: no script, no data: address, nothing fetched.
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    token: sealEnrolment(serverKey("second-factor-enrolment"), { userId: user.id, secret }, now()),
    secret: groupedSecret(secret),
    uri,
    qrCode: <div className="qr-code" role="img" aria-label="QR code for your authenticator app" dangerouslySetInnerHTML={{ __html: svg }} />,
  };
}
