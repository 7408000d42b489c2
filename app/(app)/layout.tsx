import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireSessionActor, getSessionUserFlags } from "@/lib/auth/session";
import { getScopeRoot } from "@/lib/org/org-units";
import { AppShell } from "@/components/shell/app-shell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireSessionActor();
  const [flags, root, requestHeaders] = await Promise.all([getSessionUserFlags(actor), getScopeRoot(actor), headers()]);
  // A temporary password set by an administrator must be replaced before anything else.
  if (flags.mustChangePassword && requestHeaders.get("x-pathname") !== "/account") redirect("/account?batBuoc=1");
  return (
    <AppShell actor={actor} scopeName={root.name}>
      {children}
    </AppShell>
  );
}
