import { withQuery } from "@/components/ui/pagination";

export type DashboardState = { period?: string; metric?: string; sort?: string; page?: number };

/** The dashboard of a unit, keeping the month and view choices in the URL. Defaults are left out. */
export function dashboardHref(unitId: number, state: DashboardState = {}): string {
  return withQuery(`/dashboard/${unitId}`, {
    period: state.period,
    metric: state.metric && state.metric !== "install" ? state.metric : undefined,
    sort: state.sort && state.sort !== "name" ? state.sort : undefined,
    page: state.page && state.page > 1 ? state.page : undefined,
  });
}
