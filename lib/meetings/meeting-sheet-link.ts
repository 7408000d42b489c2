import "server-only";
import QRCode from "qrcode";
import type { Period } from "@/lib/periods/period";
import { absoluteUrl } from "@/lib/http/public-url";

/** Where the printed sheet's QR code leads: the period's draft resolution and documents (the drafts area serves it). */
function draftsLinkPath(branchId: number, period: Period): string {
  return `/drafts/branch/${branchId}/${period}`;
}

/** The same as a link that opens on a member's phone: the configured public address (PUBLIC_URL) + the path. */
export function draftsLink(branchId: number, period: Period): string {
  return absoluteUrl(draftsLinkPath(branchId, period));
}

/** The QR code as an SVG data URL (allowed by the CSP's img-src data:). */
export async function qrCodeDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1, color: { dark: "#000000", light: "#ffffff" } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
