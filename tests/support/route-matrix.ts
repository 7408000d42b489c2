// The authorization matrix: every page, server action and API endpoint of the
// app, who may use it, and what every role gets in its own scope, in another
// district's scope and signed out. tests/e2e/security-matrix.test.ts walks
// app/ and fails when a route, a method or a server action is missing here.
//
// Adding a route (docs/security.md, "The authorization matrix"):
//   page      → add { kind: "page", route: "/x/[id]", path: (ids) => `/x/${ids.ward}`, access: { permission: "…" }, scoped: true }
//   API       → add { kind: "api", route: "/api/v1/x/[id]", method: "POST", path: …, access: …, body: (ids) => ({ … }) }
//               (one entry per exported method; give writes a VALID body so that the foreign column proves the scope check)
//   action    → add action("app/(app)/x/actions.ts", "doThingAction", { permission: "…" })
// `route` is the file path under app/ without route groups; `access` is who gets past the
// permission check (default: the roles whose permissions include `permission`);
// `scoped` says the path names an object (or orgUnitId) the foreign column replaces by another
// district's, which must answer 404; `own` overrides what a permitted role gets in its own scope.
import type { Permission } from "@/lib/auth/permissions";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

export const MATRIX_ROLES = ["ADMIN", "BOARD_REVIEWER", "LEADER", "WARD_COMMITTEE", "BRANCH_SECRETARY"] as const satisfies readonly Role[];

/**
 * Object ids of one scope: the caller's own (a ward of the demo district; for a branch secretary
 * `ward` is its branch, the root of its scope) or a foreign district's.
 */
export type ScopeIds = {
  district: number;
  ward: number;
  branch: number;
  /** The drafts' period (open for submission) and the meetings' (this month). */
  period: string;
  meetingPeriod: string;
  draft: number;
  comment: number;
  feedback: number;
  meeting: number;
  user: number;
  /** An import job id (UUID); jobs are visible to whoever started them only. */
  importJob: string;
};

/**
 * - ok: page 200 (or a redirect inside the app), API 2xx
 * - accepted: past authentication, permission and scope: 2xx, 400 or 409 (a write whose body the test does not make valid, or a repeat)
 * - forbidden: page shows <ForbiddenPage />, API 403
 * - not-found: 404 (outside the scope, or never there)
 * - sign-in: page redirects to /login, API 401
 */
export type Outcome = "ok" | "accepted" | "forbidden" | "not-found" | "sign-in";

export type Access = "public" | "signed-in" | { permission: Permission; also?: Permission[]; roles?: readonly Role[] };

type Common = {
  access: Access;
  /** The path names an object or unit of the caller's scope; in the foreign column it must be 404. */
  scoped?: boolean;
  /** What a permitted role gets in its own scope (default "ok"). */
  own?: Outcome | Partial<Record<Role, Outcome>>;
  note?: string;
};

export type PageEntry = Common & { kind: "page"; route: string; path: (ids: ScopeIds) => string };
export type ApiEntry = Common & {
  kind: "api";
  route: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (ids: ScopeIds) => string;
  body?: (ids: ScopeIds) => unknown;
  /** Left out of the HTTP walk (next-auth's own endpoints are tested by the sign-in and brute-force tests). */
  skipHttp?: string;
};
/** Called over HTTP by its id from the build's server-reference-manifest.json, on a page that loads it. */
export type ActionEntry = Common & { kind: "action"; file: string; name: string; fields?: (ids: ScopeIds) => Record<string, string> };
export type MatrixEntry = PageEntry | ApiEntry | ActionEntry;

function lastDayOf(period: string): string {
  const [year, month] = period.split("-").map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

const read = (permission: Permission, extra: Omit<Common, "access"> = {}) => ({ access: { permission }, ...extra });

const PAGES: PageEntry[] = [
  { kind: "page", route: "/login", path: () => "/login", access: "public" },
  { kind: "page", route: "/", path: () => "/", access: "signed-in" },
  { kind: "page", route: "/account", path: () => "/account", access: "signed-in" },
  { kind: "page", route: "/notifications", path: () => "/notifications", access: "signed-in" },
  { kind: "page", route: "/org", path: () => "/org", access: "signed-in" },
  { kind: "page", route: "/org/[id]", path: (ids) => `/org/${ids.ward}`, access: "signed-in", scoped: true },
  { kind: "page", route: "/org/[id]/history", path: (ids) => `/org/${ids.ward}/history`, access: "signed-in", scoped: true },
  { kind: "page", route: "/admin/restructure", path: () => "/admin/restructure", ...read("org.restructure") },
  { kind: "page", route: "/admin/audit", path: () => "/admin/audit", ...read("audit.read") },
  { kind: "page", route: "/admin/settings", path: () => "/admin/settings", ...read("settings.manage") },
  { kind: "page", route: "/admin/tokens", path: () => "/admin/tokens", ...read("token.manage") },
  { kind: "page", route: "/admin/users", path: () => "/admin/users", ...read("user.manage") },
  { kind: "page", route: "/admin/users/new", path: () => "/admin/users/new", ...read("user.manage") },
  { kind: "page", route: "/admin/users/[id]", path: (ids) => `/admin/users/${ids.user}`, ...read("user.manage", { scoped: true }) },
  { kind: "page", route: "/dashboard", path: () => "/dashboard", ...read("stats.read") },
  { kind: "page", route: "/dashboard/[id]", path: (ids) => `/dashboard/${ids.ward}`, ...read("stats.read", { scoped: true }) },
  { kind: "page", route: "/drafts", path: () => "/drafts", ...read("draft.read") },
  { kind: "page", route: "/drafts/[id]", path: (ids) => `/drafts/${ids.draft}`, ...read("draft.read", { scoped: true }) },
  // A branch secretary opening /drafts is sent here (its own branch); reviewers open any branch of their scope.
  { kind: "page", route: "/drafts/branch/[branchId]", path: (ids) => `/drafts/branch/${ids.branch}`, ...read("draft.read", { scoped: true }) },
  { kind: "page", route: "/drafts/branch/[branchId]/[period]", path: (ids) => `/drafts/branch/${ids.branch}/${ids.period}`, ...read("draft.read", { scoped: true }) },
  { kind: "page", route: "/drafts/guidance", path: () => "/drafts/guidance", ...read("draft.read") },
  { kind: "page", route: "/drafts/progress", path: () => "/drafts/progress", ...read("draft.read") },
  { kind: "page", route: "/drafts/write", path: () => "/drafts/write", ...read("draft.submit") },
  { kind: "page", route: "/follow", path: () => "/follow", ...read("follower.read") },
  { kind: "page", route: "/follow/assignments", path: (ids) => `/follow/assignments?orgUnitId=${ids.ward}`, ...read("follower.read", { scoped: true }) },
  { kind: "page", route: "/feedback", path: () => "/feedback", ...read("feedback.read") },
  { kind: "page", route: "/documents", path: (ids) => `/documents?kind=MEETING_REPORT&unit=${ids.ward}&period=${ids.meetingPeriod}`, ...read("document.generate", { scoped: true }) },
  { kind: "page", route: "/documents/issuer", path: () => "/documents/issuer", ...read("document.issue") },
  // Every role sees the page; it lists the imports the role may run (none for some).
  { kind: "page", route: "/imports", path: () => "/imports", access: "signed-in" },
  { kind: "page", route: "/meetings", path: () => "/meetings", ...read("meeting.read") },
  { kind: "page", route: "/meetings/alerts", path: () => "/meetings/alerts", ...read("meeting.read") },
  { kind: "page", route: "/meetings/flags", path: () => "/meetings/flags", access: { permission: "meeting.read", also: ["member.read"] } },
  { kind: "page", route: "/meetings/schedules", path: () => "/meetings/schedules", ...read("meeting.read") },
  { kind: "page", route: "/meetings/branch/[branchId]", path: (ids) => `/meetings/branch/${ids.branch}`, ...read("meeting.read", { scoped: true }) },
  { kind: "page", route: "/meetings/branch/[branchId]/[period]", path: (ids) => `/meetings/branch/${ids.branch}/${ids.meetingPeriod}`, ...read("meeting.read", { scoped: true }) },
  { kind: "page", route: "/meetings/branch/[branchId]/[period]/print", path: (ids) => `/meetings/branch/${ids.branch}/${ids.meetingPeriod}/print`, access: { permission: "meeting.read", also: ["member.read"] }, scoped: true },
  { kind: "page", route: "/meetings/branch/[branchId]/[period]/fees", path: (ids) => `/meetings/branch/${ids.branch}/${ids.meetingPeriod}/fees`, ...read("member.read", { scoped: true }) },
  { kind: "page", route: "/meetings/branch/[branchId]/[period]/record", path: (ids) => `/meetings/branch/${ids.branch}/${ids.meetingPeriod}/record`, ...read("meeting.record", { scoped: true }) },
];

const json = (method: ApiEntry["method"], route: string, path: ApiEntry["path"], access: Access, extra: Partial<ApiEntry> = {}): ApiEntry => ({ kind: "api", method, route, path, access, ...extra });

const APIS: ApiEntry[] = [
  json("GET", "/api/auth/[...nextauth]", () => "/api/auth/session", "public", { skipHttp: "next-auth's own endpoints: tests/e2e/security-attacks.test.ts (sign-in, cookies, 429)" }),
  json("POST", "/api/auth/[...nextauth]", () => "/api/auth/callback/credentials", "public", { skipHttp: "next-auth's own endpoints: tests/e2e/security-attacks.test.ts (sign-in, cookies, 429)" }),
  json("GET", "/api/v1/health", () => "/api/v1/health", "public"),
  json("GET", "/api/v1/openapi.json", () => "/api/v1/openapi.json", "public"),
  json("GET", "/api/v1/me", () => "/api/v1/me", "signed-in"),
  json("GET", "/api/v1/org-units", (ids) => `/api/v1/org-units?parentId=${ids.ward}`, { permission: "org.read" }, { scoped: true }),
  json("GET", "/api/v1/org-units/[id]", (ids) => `/api/v1/org-units/${ids.ward}`, { permission: "org.read" }, { scoped: true }),
  json("GET", "/api/v1/followers/assignments", (ids) => `/api/v1/followers/assignments?orgUnitId=${ids.ward}`, { permission: "follower.read" }, { scoped: true }),
  // userId null: the ward's assignment is removed (idempotent); a real follower is tested in tests/integration/followers-api.test.ts.
  json("PUT", "/api/v1/followers/assignments/[id]", (ids) => `/api/v1/followers/assignments/${ids.ward}`, { permission: "follower.assign" }, { scoped: true, body: () => ({ userId: null }), own: "accepted" }),
  json("DELETE", "/api/v1/followers/assignments/[id]", (ids) => `/api/v1/followers/assignments/${ids.ward}`, { permission: "follower.assign" }, { scoped: true, own: "accepted" }),
  json("GET", "/api/v1/org-units/[id]/history", (ids) => `/api/v1/org-units/${ids.ward}/history`, { permission: "org.read" }, { scoped: true }),
  // Preview only: the matrix never applies a restructuring (tests/e2e/reform-merge.test.ts does, through the admin UI).
  json("POST", "/api/v1/org-units/restructure", () => "/api/v1/org-units/restructure?preview=1", { permission: "org.restructure" }, {
    body: (ids) => ({ type: "RENAME", effectiveDate: "2026-12-01", unitId: ids.ward, name: "Phường đổi tên thử" }),
    own: "accepted",
  }),
  json("GET", "/api/v1/branches/[id]/fees", (ids) => `/api/v1/branches/${ids.branch}/fees?period=${ids.meetingPeriod}`, { permission: "member.read" }, { scoped: true }),
  json("PUT", "/api/v1/branches/[id]/fees", (ids) => `/api/v1/branches/${ids.branch}/fees`, { permission: "meeting.record" }, { scoped: true, body: (ids) => ({ period: ids.meetingPeriod, fees: [{ memberId: 1, paid: true }] }), own: "accepted" }),
  json("GET", "/api/v1/branches/[id]/fees/export", (ids) => `/api/v1/branches/${ids.branch}/fees/export?period=${ids.meetingPeriod}&format=csv`, { permission: "member.read" }, { scoped: true }),
  json("GET", "/api/v1/branches/[id]/members", (ids) => `/api/v1/branches/${ids.branch}/members`, { permission: "member.read" }, { scoped: true }),
  // Drafts
  json("GET", "/api/v1/drafts", (ids) => `/api/v1/drafts?period=${ids.period}&orgUnitId=${ids.ward}`, { permission: "draft.read" }, { scoped: true }),
  json("POST", "/api/v1/drafts", () => "/api/v1/drafts", { permission: "draft.submit" }, { body: () => ({}), own: "accepted", note: "creates in the caller's own branch only; the body names no unit" }),
  json("GET", "/api/v1/drafts/[id]", (ids) => `/api/v1/drafts/${ids.draft}`, { permission: "draft.read" }, { scoped: true }),
  json("GET", "/api/v1/drafts/[id]/diff", (ids) => `/api/v1/drafts/${ids.draft}/diff?from=1`, { permission: "draft.read" }, { scoped: true }),
  json("POST", "/api/v1/drafts/[id]/comments", (ids) => `/api/v1/drafts/${ids.draft}/comments`, { permission: "draft.comment" }, { scoped: true, body: () => ({ body: "Góp ý của ma trận phân quyền." }), own: "accepted" }),
  json("POST", "/api/v1/drafts/[id]/comments/[cid]/resolve", (ids) => `/api/v1/drafts/${ids.draft}/comments/${ids.comment}/resolve`, { permission: "draft.comment" }, { scoped: true, own: "accepted" }),
  json("POST", "/api/v1/drafts/[id]/comments/[cid]/suggestion", (ids) => `/api/v1/drafts/${ids.draft}/comments/${ids.comment}/suggestion`, { permission: "draft.submit" }, { scoped: true, body: () => ({ accept: false }), own: "not-found", note: "the matrix's comment is not a suggestion (404 in scope too); accepting one is in tests/e2e/drafts-review-loop.test.ts" }),
  json("POST", "/api/v1/drafts/[id]/review", (ids) => `/api/v1/drafts/${ids.draft}/review`, { permission: "draft.review" }, { scoped: true, body: () => ({ decision: "CHANGES_REQUESTED", summary: "Ma trận phân quyền.", expectedVersionNo: 1 }), own: "accepted" }),
  json("GET", "/api/v1/drafts/export", (ids) => `/api/v1/drafts/export?period=${ids.period}&orgUnitId=${ids.ward}&format=csv`, { permission: "draft.read" }, { scoped: true }),
  json("GET", "/api/v1/drafts/guidance", (ids) => `/api/v1/drafts/guidance?period=${ids.period}`, { permission: "draft.read" }),
  json("POST", "/api/v1/drafts/guidance", () => "/api/v1/drafts/guidance", { permission: "guidance.post" }, { scoped: true, body: (ids) => ({ period: ids.period, title: "Định hướng của ma trận", orgUnitId: ids.ward }), own: "accepted" }),
  json("GET", "/api/v1/drafts/summary", (ids) => `/api/v1/drafts/summary?period=${ids.period}&orgUnitId=${ids.ward}`, { permission: "draft.read" }, { scoped: true }),
  json("GET", "/api/v1/drafts/working-copy", (ids) => `/api/v1/drafts/working-copy?period=${ids.period}`, { permission: "draft.submit" }),
  json("PUT", "/api/v1/drafts/working-copy", () => "/api/v1/drafts/working-copy", { permission: "draft.submit" }, { body: () => ({}), own: "accepted", note: "the caller's own branch only" }),
  json("GET", "/api/v1/feedback", () => "/api/v1/feedback?status=all", { permission: "feedback.read" }),
  json("POST", "/api/v1/feedback/[id]/ack", (ids) => `/api/v1/feedback/${ids.feedback}/ack`, { permission: "feedback.ack" }, { scoped: true, body: () => ({ reply: "Ma trận phân quyền." }), own: "accepted" }),
  // Imports: the permission depends on the kind (lib/imports/registry.ts).
  json("POST", "/api/v1/imports/[kind]", () => "/api/v1/imports/members?dryRun=1", { permission: "import.run" }, { body: () => "", own: "accepted", note: "members: import.run; usage: stats.push; attendance: meeting.record — each checked inside runImport" }),
  json("GET", "/api/v1/imports/jobs/[id]", (ids) => `/api/v1/imports/jobs/${ids.importJob}`, "signed-in", { own: "not-found", note: "a job is visible to the account that started it; the matrix asks for an unknown one" }),
  // Meetings
  json("GET", "/api/v1/meetings", (ids) => `/api/v1/meetings?period=${ids.meetingPeriod}&orgUnitId=${ids.ward}`, { permission: "meeting.read" }, { scoped: true }),
  json("PUT", "/api/v1/meetings", () => "/api/v1/meetings", { permission: "meeting.record" }, { scoped: true, body: (ids) => ({ branchId: ids.branch, period: ids.meetingPeriod, kind: "THEMATIC", heldOn: `${ids.meetingPeriod}-05`, usedHandbook: true, attendance: [] }), own: "accepted" }),
  json("GET", "/api/v1/meetings/[id]", (ids) => `/api/v1/meetings/${ids.meeting}`, { permission: "meeting.read" }, { scoped: true }),
  json("POST", "/api/v1/meetings/[id]/close", (ids) => `/api/v1/meetings/${ids.meeting}/close`, { permission: "meeting.record" }, { scoped: true, body: () => ({ minutes: "Biên bản của ma trận phân quyền: nội dung, kết luận, phân công.", documents: [] }), own: "accepted" }),
  json("GET", "/api/v1/meetings/alerts", (ids) => `/api/v1/meetings/alerts?period=${ids.meetingPeriod}&orgUnitId=${ids.ward}`, { permission: "meeting.read" }, { scoped: true }),
  json("POST", "/api/v1/meetings/alerts/dismiss", () => "/api/v1/meetings/alerts/dismiss", { permission: "meeting.alert.dismiss" }, { scoped: true, body: (ids) => ({ kind: "MISSING_MINUTES", subjectKey: `meeting:${ids.meeting}`, reason: "Ma trận phân quyền." }), own: "not-found", note: "the matrix's meeting raises no such alert (404 in scope too); dismissing one is in tests/integration/meetings-alerts.test.ts" }),
  json("GET", "/api/v1/meetings/schedules", (ids) => `/api/v1/meetings/schedules?period=${ids.meetingPeriod}&orgUnitId=${ids.ward}`, { permission: "meeting.read" }, { scoped: true }),
  // The last day of this month is never before today: a valid announcement, so the foreign column proves the scope check.
  json("PUT", "/api/v1/meetings/schedules", () => "/api/v1/meetings/schedules", { permission: "meeting.record" }, { scoped: true, body: (ids) => ({ branchId: ids.branch, period: ids.meetingPeriod, kind: "THEMATIC", plannedOn: lastDayOf(ids.meetingPeriod), startTime: "19:30", place: "Nhà văn hóa", agenda: "Ma trận phân quyền: nội dung sinh hoạt." }), own: "accepted" }),
  json("GET", "/api/v1/meetings/compliance", (ids) => `/api/v1/meetings/compliance?period=${ids.meetingPeriod}&orgUnitId=${ids.ward}`, { permission: "meeting.read" }, { scoped: true }),
  json("GET", "/api/v1/meetings/compliance/export", (ids) => `/api/v1/meetings/compliance/export?period=${ids.meetingPeriod}&orgUnitId=${ids.ward}&format=csv`, { permission: "meeting.read" }, { scoped: true }),
  json("POST", "/api/v1/meetings/reopen", () => "/api/v1/meetings/reopen", { permission: "meeting.reopen" }, { scoped: true, body: (ids) => ({ branchId: ids.branch, period: ids.meetingPeriod, reason: "Ma trận phân quyền." }), own: "accepted" }),
  json("GET", "/api/v1/members/flags", (ids) => `/api/v1/members/flags?year=${ids.meetingPeriod.slice(0, 4)}&orgUnitId=${ids.ward}`, { permission: "member.read" }, { scoped: true }),
  // Attachments: scope through the draft or meeting they belong to.
  json("GET", "/api/v1/attachments", (ids) => `/api/v1/attachments?draftId=${ids.draft}`, { permission: "draft.read" }, { scoped: true }),
  json("POST", "/api/v1/attachments", () => "/api/v1/attachments", "signed-in", { own: "accepted", note: "multipart; the matrix sends JSON, refused as 400 before any scope check; uploads in and out of scope: tests/integration/attachments.test.ts and tests/e2e/documents-http.test.ts" }),
  json("GET", "/api/v1/attachments/[id]/file", () => "/api/v1/attachments/2147483647/file", "signed-in", { own: "not-found", note: "the fixture attaches no file; downloads in and out of scope: tests/integration/attachments.test.ts" }),
  // Official documents
  json("GET", "/api/v1/documents", (ids) => `/api/v1/documents?orgUnitId=${ids.ward}`, { permission: "document.generate" }, { scoped: true }),
  json("POST", "/api/v1/documents", () => "/api/v1/documents", { permission: "document.issue" }, { scoped: true, own: "accepted", body: (ids) => ({ kind: "MEETING_REPORT", orgUnitId: ids.ward, period: ids.meetingPeriod }) }),
  json("GET", "/api/v1/documents/generate", (ids) => `/api/v1/documents/generate?kind=MEETING_REPORT&orgUnitId=${ids.ward}&period=${ids.meetingPeriod}`, { permission: "document.generate" }, { scoped: true }),
  json("GET", "/api/v1/documents/[id]/file", () => "/api/v1/documents/2147483647/file", { permission: "document.generate" }, { own: "not-found", note: "the fixture issues no document; downloads in and out of scope: tests/integration/documents-reports.test.ts" }),
  // Notifications: every account has its own.
  json("GET", "/api/v1/notifications", () => "/api/v1/notifications", "signed-in"),
  json("GET", "/api/v1/notifications/count", () => "/api/v1/notifications/count", "signed-in"),
  json("POST", "/api/v1/notifications/read", () => "/api/v1/notifications/read", "signed-in", { body: () => ({ all: true }) }),
  // Handbook statistics
  json("GET", "/api/v1/stats/handbook", (ids) => `/api/v1/stats/handbook?orgUnitId=${ids.ward}`, { permission: "stats.read" }, { scoped: true }),
  json("PUT", "/api/v1/stats/handbook", () => "/api/v1/stats/handbook", { permission: "stats.push" }, { body: () => ({}), own: "accepted", note: "rows name branch codes; codes outside the scope are rejected rows (tests/integration/stats-imports.test.ts)" }),
  json("GET", "/api/v1/stats/handbook/export", (ids) => `/api/v1/stats/handbook/export?orgUnitId=${ids.ward}&table=children&format=csv`, { permission: "stats.read" }, { scoped: true }),
  json("GET", "/api/v1/stats/handbook/lagging", (ids) => `/api/v1/stats/handbook/lagging?orgUnitId=${ids.ward}`, { permission: "stats.read" }, { scoped: true }),
  json("GET", "/api/v1/stats/handbook/series", (ids) => `/api/v1/stats/handbook/series?orgUnitId=${ids.ward}`, { permission: "stats.read" }, { scoped: true }),
  json("GET", "/api/v1/stats/handbook/snapshots", (ids) => `/api/v1/stats/handbook/snapshots?branchId=${ids.branch}`, { permission: "stats.read" }, { scoped: true }),
];

const action = (file: string, name: string, access: Access, fields?: ActionEntry["fields"]): ActionEntry => ({ kind: "action", file, name, access, ...(fields ? { fields, scoped: true } : {}) });

const ACTIONS: ActionEntry[] = [
  action("app/(app)/account/actions.ts", "changePasswordAction", "signed-in"),
  action("app/(app)/notifications/actions.ts", "openNotificationAction", "signed-in"),
  action("app/(app)/notifications/actions.ts", "markAllReadAction", "signed-in"),
  action("app/(app)/admin/users/actions.ts", "createUserAction", { permission: "user.manage" }),
  action("app/(app)/admin/users/actions.ts", "setUserActiveAction", { permission: "user.manage" }, (ids) => ({ userId: String(ids.user), active: "1" })),
  action("app/(app)/admin/users/actions.ts", "unlockUserAction", { permission: "user.manage" }, (ids) => ({ userId: String(ids.user) })),
  action("app/(app)/admin/users/actions.ts", "resetPasswordAction", { permission: "user.manage" }),
  action("app/(app)/admin/settings/actions.ts", "updateSettingAction", { permission: "settings.manage" }),
  action("app/(app)/admin/restructure/actions.ts", "restructureAction", { permission: "org.restructure" }),
  action("app/(app)/admin/tokens/actions.ts", "issueTokenAction", { permission: "token.manage" }),
  action("app/(app)/admin/tokens/actions.ts", "revokeTokenAction", { permission: "token.manage" }),
  action("app/(app)/dashboard/actions.ts", "rebuildHandbookStatsAction", { permission: "settings.manage" }),
  action("app/(app)/feedback/actions.ts", "acknowledgeFeedbackAction", { permission: "feedback.ack" }, (ids) => ({ feedbackId: String(ids.feedback), reply: "Ma trận phân quyền." })),
  action("app/(app)/feedback/actions.ts", "acknowledgeApprovalsAction", { permission: "feedback.ack" }, (ids) => ({ [`ack.${ids.feedback}`]: "1" })),
  action("app/(app)/feedback/actions.ts", "remindWardAction", { permission: "feedback.remind" }, (ids) => ({ wardId: String(ids.ward), note: "Ma trận phân quyền." })),
  action("app/(app)/feedback/actions.ts", "remindBranchAction", { permission: "draft.remind" }, (ids) => ({ draftId: String(ids.draft), note: "Ma trận phân quyền." })),
  action("app/(app)/drafts/[id]/actions.ts", "addCommentAction", { permission: "draft.comment" }, (ids) => ({ draftId: String(ids.draft), body: "Góp ý của ma trận phân quyền." })),
  action("app/(app)/drafts/[id]/actions.ts", "resolveCommentAction", { permission: "draft.comment" }, (ids) => ({ draftId: String(ids.draft), commentId: String(ids.comment) })),
  action("app/(app)/drafts/[id]/actions.ts", "decideSuggestionAction", { permission: "draft.submit" }, (ids) => ({ draftId: String(ids.draft), commentId: String(ids.comment), accept: "0" })),
  action("app/(app)/drafts/[id]/actions.ts", "submitReviewAction", { permission: "draft.review" }, (ids) => ({ draftId: String(ids.draft), decision: "CHANGES_REQUESTED", summary: "Ma trận phân quyền.", expectedVersionNo: "1" })),
  action("app/(app)/drafts/[id]/actions.ts", "acknowledgeFeedbackAction", { permission: "feedback.ack" }, (ids) => ({ feedbackId: String(ids.feedback), reply: "Ma trận phân quyền." })),
  action("app/(app)/drafts/write/actions.ts", "submitDraftAction", { permission: "draft.submit" }),
  action("app/(app)/drafts/write/actions.ts", "saveWorkingCopyAction", { permission: "draft.submit" }),
  action("app/(app)/drafts/write/actions.ts", "decideSuggestionAction", { permission: "draft.submit" }, (ids) => ({ draftId: String(ids.draft), commentId: String(ids.comment), accept: "0" })),
  action("app/(app)/documents/actions.ts", "issueDocumentAction", { permission: "document.issue" }, (ids) => ({ kind: "MEETING_REPORT", orgUnitId: String(ids.ward), period: ids.meetingPeriod })),
  action("app/(app)/documents/actions.ts", "updateIssuerAction", { permission: "document.issue" }, (ids) => ({ unitId: String(ids.ward), superiorName: "CẤP TRÊN", bodyName: "MA TRẬN", symbol: "MT", place: "Thử", signerCapacity: "", signerTitle: "BÍ THƯ", signerName: "", recipients: "" })),
  action("app/(app)/drafts/guidance/actions.ts", "postGuidanceAction", { permission: "guidance.post" }),
  action("app/(app)/drafts/guidance/actions.ts", "withdrawGuidanceAction", { permission: "guidance.post" }),
  action("app/(app)/follow/assignments/actions.ts", "assignFollowerAction", { permission: "follower.assign" }, (ids) => ({ orgUnitId: String(ids.ward), userId: "" })),
  action("app/(app)/follow/assignments/actions.ts", "reassignFollowerAction", { permission: "follower.assign" }, (ids) => ({ fromUserId: String(ids.user), toUserId: "999999" })),
  action("app/(app)/meetings/alerts/actions.ts", "dismissAlertAction", { permission: "meeting.alert.dismiss" }, (ids) => ({ kind: "MISSING_MINUTES", subjectKey: `meeting:${ids.meeting}`, reason: "Ma trận phân quyền." })),
  action("app/(app)/meetings/branch/[branchId]/[period]/actions.ts", "closeMeetingAction", { permission: "meeting.record" }, (ids) => ({ meetingId: String(ids.meeting), minutes: "Biên bản của ma trận phân quyền: nội dung, kết luận, phân công." })),
  action("app/(app)/meetings/branch/[branchId]/[period]/actions.ts", "announceMeetingAction", { permission: "meeting.record" }),
  action("app/(app)/meetings/branch/[branchId]/[period]/actions.ts", "reopenPeriodAction", { permission: "meeting.reopen" }, (ids) => ({ branchId: String(ids.branch), period: ids.meetingPeriod, reason: "Ma trận phân quyền." })),
  action("app/(app)/meetings/branch/[branchId]/[period]/record/actions.ts", "recordMeetingAction", { permission: "meeting.record" }),
  action("app/(app)/meetings/branch/[branchId]/[period]/fees/actions.ts", "recordFeesAction", { permission: "meeting.record" }, (ids) => ({ branchId: String(ids.branch), period: ids.meetingPeriod })),
];

export const ROUTE_MATRIX: readonly MatrixEntry[] = [...PAGES, ...APIS, ...ACTIONS];

/** Administrators' scope is the whole tree (lib/auth/actor-from-user.ts): "foreign" ids are theirs too. */
export const UNSCOPED_ROLES: readonly Role[] = ["ADMIN"];

/** Whether a role gets past the entry's permission check. */
export function allows(access: Access, role: Role | null): boolean {
  if (access === "public") return true;
  if (role === null) return false;
  if (access === "signed-in") return true;
  if (access.roles) return access.roles.includes(role);
  return can(role, access.permission) && (access.also ?? []).every((permission) => can(role, permission));
}

/** What the entry must answer to `role` (null = signed out) in its own or a foreign scope. */
export function expectedOutcome(entry: MatrixEntry, role: Role | null, scope: "own" | "foreign"): Outcome {
  if (entry.access === "public") return "ok";
  if (role === null) return "sign-in";
  if (!allows(entry.access, role)) return "forbidden";
  if (scope === "foreign" && entry.scoped && !UNSCOPED_ROLES.includes(role)) return "not-found";
  const own = entry.own ?? "ok";
  return typeof own === "string" ? own : (own[role] ?? "ok");
}

/** app/(group)/a/[id]/page.tsx → /a/[id] */
export function routeOfFile(file: string): string {
  const parts = file.split("/").slice(1, -1).filter((part) => !/^\(.*\)$/.test(part));
  return `/${parts.join("/")}`;
}
