import { requireSessionActor } from "@/lib/auth/session";
import { getScopeRoot } from "@/lib/org/org-units";
import { AppShell } from "@/components/shell/app-shell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // The shell frames the account page too; every page enforces a pending password change itself
  // (requireSessionActor), since a layout is not rendered again on client-side navigation.
  const actor = await requireSessionActor({ allowPasswordChangePending: true });
  const root = await getScopeRoot(actor);
  return (
    <AppShell actor={actor} scopeName={root.name}>
      {children}
    </AppShell>
  );
}
