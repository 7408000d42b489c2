import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgLevel, RestructureType } from "@/lib/generated/prisma/enums";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, inScope, type Actor } from "@/lib/auth/actor";
import { ROLE_SCOPE_LEVELS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { ConflictError, ValidationError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { parseInput } from "@/lib/validation/parse";
import { formatNumber } from "@/lib/format/number";
import { formatDate } from "@/lib/format/date";
import { listStatPeriods, refreshHandbookStats } from "@/lib/stats/refresh-handbook-stats";
import { listMeetingStatPeriods, refreshMeetingStats } from "@/lib/meetings/refresh-meeting-stats";
import { loadQualityThresholds } from "@/lib/meetings/meeting-quality";
import { prismaRunner } from "@/lib/stats/sql-runner";
import { RestructureSchema, type RestructureInput } from "./schemas";
import { beginRestructuring, closeUnit, createUnit, latestPlacementStart, moveSubtree, renameUnit, type UnitRow } from "./tree-writes";
import { countMoves, type Moves } from "./count-moves";
import { LEVEL_LABELS_RESTRUCTURE } from "./labels";

// One dated, audited restructuring event. Preview and apply run the
// very same steps in one transaction; a preview rolls it back at the end, so
// what the admin confirms is exactly what will be written.

export type UnitRef = { id: number; code: string; name: string; level: OrgLevel };
export type RestructureOutcome = {
  event: { id: number | null; type: RestructureType; effectiveDate: string; summary: string };
  moves: Moves;
  created: UnitRef[];
  closed: UnitRef[];
  renamed: (UnitRef & { oldName: string })[];
  moved: (UnitRef & { from: UnitRef | null; to: UnitRef })[];
  accounts: { id: number; username: string; displayName: string; role: string; action: "MOVE" | "DISABLE"; to: UnitRef | null }[];
  /** Things the admin should see before confirming (two units with one name under one parent); they do not stop the change. */
  warnings: string[];
  preview: boolean;
};

export type RestructureHooks = {
  /** Test seam: called after each step inside the transaction; a throw rolls everything back. */
  afterStep?: (step: string) => Promise<void> | void;
};

const ALLOWED_PARENT: Record<OrgLevel, OrgLevel[]> = { CITY: [], DISTRICT: ["CITY"], WARD: ["CITY", "DISTRICT"], BRANCH: ["WARD"] };

class PreviewRollback extends Error {
  constructor(readonly outcome: RestructureOutcome) {
    super("preview");
  }
}

/** What the change would move; nothing is written. */
export async function previewRestructuring(actor: Actor, input: unknown): Promise<RestructureOutcome> {
  return runRestructuring(actor, input, true, {});
}

/** Applies the change atomically: the tree, placements, lineage, accounts, roll-ups and the audit event commit together or not at all. */
export async function applyRestructuring(actor: Actor, input: unknown, hooks: RestructureHooks = {}): Promise<RestructureOutcome> {
  return runRestructuring(actor, input, false, hooks);
}

async function runRestructuring(actor: Actor, rawInput: unknown, preview: boolean, hooks: RestructureHooks): Promise<RestructureOutcome> {
  assertCan(actor, "org.restructure");
  const input = parseInput(RestructureSchema, rawInput, "Yêu cầu tái cấu trúc không hợp lệ.");
  try {
    return await db().$transaction(
      async (tx) => {
        await beginRestructuring(tx);
        const outcome = await perform(tx, actor, input, preview, hooks);
        if (preview) throw new PreviewRollback(outcome);
        return outcome;
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof PreviewRollback) return error.outcome;
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("Mã đơn vị vừa được dùng cho một đơn vị khác. Tải lại rồi thử lại.");
    }
    throw error;
  }
}

function ref(unit: UnitRow): UnitRef {
  return { id: unit.id, code: unit.code, name: unit.name, level: unit.level };
}

async function loadUnit(tx: Tx, actor: Actor, id: number, field: string): Promise<UnitRow> {
  const rows = await tx.$queryRaw<UnitRow[]>`
    SELECT id, code, name, level, "parentId", path, depth, "validFrom", "validTo" FROM "OrgUnit" WHERE id = ${id} FOR UPDATE`;
  const unit = rows[0];
  if (!unit || !inScope(actor, unit.path)) throw new ValidationError("Không tìm thấy đơn vị.", [{ field, message: `Không tìm thấy đơn vị #${id}.` }]);
  if (unit.validTo) throw new ValidationError("Đơn vị đã ngừng hoạt động.", [{ field, message: `${unit.name} đã ngừng hoạt động từ ${formatDate(unit.validTo)}.` }]);
  return unit;
}

async function openChildren(tx: Tx, unit: UnitRow): Promise<UnitRow[]> {
  return tx.$queryRaw<UnitRow[]>`
    SELECT id, code, name, level, "parentId", path, depth, "validFrom", "validTo" FROM "OrgUnit"
    WHERE "parentId" = ${unit.id} AND "validTo" IS NULL ORDER BY name COLLATE vi_natural, id FOR UPDATE`;
}

async function assertCodeFree(tx: Tx, code: string, field: string, exceptId?: number): Promise<void> {
  const clash = await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "OrgUnit" WHERE lower(code) = lower(${code}) LIMIT 1`;
  if (clash[0] && clash[0].id !== exceptId) throw new ValidationError("Mã đơn vị đã được dùng.", [{ field, message: `Mã ${code} đã là mã của ${clash[0].name}.` }]);
}

/** The date may not go back before the last change of the units that move (with everything under them) or of the single units named. */
async function assertDateAfterLastChange(tx: Tx, date: string, subtrees: UnitRow[], singles: UnitRow[] = []): Promise<void> {
  const latest = await latestPlacementStart(tx, subtrees.map((unit) => unit.path), [...subtrees, ...singles].map((unit) => unit.id));
  if (latest && date < latest) {
    throw new ValidationError("Ngày hiệu lực sớm hơn lần thay đổi gần nhất.", [
      { field: "effectiveDate", message: `Ngày hiệu lực phải từ ${formatDate(new Date(`${latest}T00:00:00Z`))} trở đi: các đơn vị này đã thay đổi vào ngày đó.` },
    ]);
  }
}

/**
 * After the change's writes (same transaction): units in force that share a name under one of the
 * given parents, as sentences. Names compare without case and extra spaces.
 */
async function sameNameWarnings(tx: Tx, parentIds: (number | null)[]): Promise<string[]> {
  const ids = [...new Set(parentIds.filter((id): id is number => id !== null))];
  if (!ids.length) return [];
  const rows = await tx.$queryRaw<{ parentName: string; name: string; codes: string[] }[]>`
    SELECT p.name AS "parentName", min(u.name) AS name, array_agg(u.code ORDER BY u.code) AS codes
    FROM "OrgUnit" u JOIN "OrgUnit" p ON p.id = u."parentId"
    WHERE u."parentId" = ANY(${ids}::int[]) AND u."validTo" IS NULL
    GROUP BY p.id, p.name, lower(regexp_replace(btrim(u.name), '\\s+', ' ', 'g'))
    HAVING count(*) > 1
    ORDER BY p.name, min(u.name)`;
  return rows.map(
    (row) => `${row.parentName} sẽ có ${formatNumber(row.codes.length)} đơn vị cùng tên “${row.name}” (mã ${row.codes.join(", ")}). Nên đổi tên để phân biệt (mục Đổi tên), nếu không báo cáo và danh sách sẽ khó phân biệt.`,
  );
}

function assertParentFits(unitLevel: OrgLevel, parent: UnitRow, field: string): void {
  if (!ALLOWED_PARENT[unitLevel].includes(parent.level)) {
    throw new ValidationError("Đơn vị cấp trên không phù hợp.", [
      { field, message: `${LEVEL_LABELS_RESTRUCTURE[unitLevel]} không thể trực thuộc ${LEVEL_LABELS_RESTRUCTURE[parent.level].toLowerCase()} (${parent.name}).` },
    ]);
  }
}

async function perform(tx: Tx, actor: Actor, input: RestructureInput, preview: boolean, hooks: RestructureHooks): Promise<RestructureOutcome> {
  const date = input.effectiveDate;
  const step = async (name: string) => hooks.afterStep?.(name);
  const outcome: RestructureOutcome = {
    event: { id: null, type: input.type, effectiveDate: date, summary: "" },
    moves: { branches: 0, members: 0, users: 0, tokens: 0, openFeedback: 0 },
    created: [],
    closed: [],
    renamed: [],
    moved: [],
    accounts: [],
    warnings: [],
    preview,
  };
  // The event row first: every placement it opens points to it.
  const event = await tx.orgRestructuring.create({
    data: { type: input.type, effectiveDate: new Date(`${date}T00:00:00Z`), summary: "", details: {}, actorUserId: actor.kind === "user" ? actor.id : null, actorLabel: actor.label },
  });
  const eventId = event.id;
  const link = (kind: "MERGED_INTO" | "SPLIT_INTO" | "MOVED" | "RENAMED" | "CLOSED", fromUnitId: number, toUnitId: number | null) =>
    tx.orgLineageLink.create({ data: { eventId, kind, fromUnitId, toUnitId } });

  const moveChildren = async (source: UnitRow, target: UnitRow, children: UnitRow[]) => {
    for (const child of children) {
      await moveSubtree(tx, child, target, date, eventId);
      outcome.moved.push({ ...ref(child), from: ref(source), to: ref(target) });
    }
  };

  const handleAccounts = async (source: UnitRow, policy: "MOVE" | "DISABLE", target: UnitRow | null) => {
    const users = await tx.user.findMany({ where: { orgUnitId: source.id, active: true }, orderBy: { username: "asc" } });
    for (const user of users) {
      // An account moves only where its role may have its scope (a secretary never becomes a ward's).
      const move = policy === "MOVE" && target !== null && (ROLE_SCOPE_LEVELS[user.role] as readonly OrgLevel[]).includes(target.level);
      if (move) {
        await tx.user.update({ where: { id: user.id }, data: { orgUnitId: target.id } });
      } else {
        await tx.user.update({ where: { id: user.id }, data: { active: false } });
        await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
      }
      outcome.accounts.push({ id: user.id, username: user.username, displayName: user.displayName, role: user.role, action: move ? "MOVE" : "DISABLE", to: move ? ref(target) : null });
    }
    // API tokens follow the same rule: moved where their role fits, revoked otherwise.
    const fitting = policy === "MOVE" && target ? (Object.keys(ROLE_SCOPE_LEVELS) as Role[]).filter((role) => (ROLE_SCOPE_LEVELS[role] as readonly OrgLevel[]).includes(target.level)) : [];
    const moved = fitting.length ? await tx.apiToken.updateMany({ where: { orgUnitId: source.id, revokedAt: null, role: { in: fitting } }, data: { orgUnitId: target!.id } }) : { count: 0 };
    const revoked = await tx.apiToken.updateMany({ where: { orgUnitId: source.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const tokens = { count: moved.count + revoked.count };
    outcome.moves.users += users.length;
    outcome.moves.tokens += tokens.count;
  };

  let auditUnitId: number;
  switch (input.type) {
    case "MERGE": {
      const ids = [...new Set(input.sourceIds)];
      if (ids.length !== input.sourceIds.length) throw new ValidationError("Đơn vị bị chọn hai lần.", [{ field: "sourceIds", message: "Mỗi đơn vị chỉ chọn một lần." }]);
      const sources: UnitRow[] = [];
      for (const [index, id] of ids.entries()) sources.push(await loadUnit(tx, actor, id, `sourceIds.${index}`));
      // A unit ticked with a unit under it: the one under it would be merged twice (with its parent and on its own).
      for (const outer of sources) {
        const inner = sources.find((candidate) => candidate.id !== outer.id && candidate.path.startsWith(outer.path));
        if (inner) {
          throw new ValidationError("Đã chọn một đơn vị cùng với đơn vị trực thuộc nó.", [
            { field: "sourceIds", message: `${inner.name} trực thuộc ${outer.name}: không chọn cùng lúc một đơn vị và đơn vị trực thuộc nó. Bỏ chọn một trong hai.` },
          ]);
        }
      }
      const level = sources[0].level;
      if (level === "CITY" || level === "BRANCH") throw new ValidationError("Không hợp nhất được cấp này.", [{ field: "sourceIds", message: "Chỉ hợp nhất phường/xã hoặc quận/huyện; chi bộ thì chuyển (MOVE) sang đơn vị khác." }]);
      if (sources.some((source) => source.level !== level)) throw new ValidationError("Các đơn vị khác cấp.", [{ field: "sourceIds", message: "Các đơn vị hợp nhất phải cùng cấp." }]);
      let target: UnitRow;
      if ("id" in input.target) {
        if (ids.includes(input.target.id)) throw new ValidationError("Đơn vị nhận nằm trong danh sách hợp nhất.", [{ field: "target.id", message: "Đơn vị nhận không được là một trong các đơn vị bị hợp nhất." }]);
        target = await loadUnit(tx, actor, input.target.id, "target.id");
        if (target.level !== level) throw new ValidationError("Đơn vị nhận khác cấp.", [{ field: "target.id", message: `Đơn vị nhận phải là ${LEVEL_LABELS_RESTRUCTURE[level].toLowerCase()}.` }]);
        if (sources.some((source) => target.path.startsWith(source.path))) throw new ValidationError("Đơn vị nhận nằm trong đơn vị bị hợp nhất.", [{ field: "target.id", message: "Đơn vị nhận không được nằm trong đơn vị bị hợp nhất." }]);
        await assertDateAfterLastChange(tx, date, sources, [target]);
      } else {
        const parent = await loadUnit(tx, actor, input.target.parentId ?? sources[0].parentId ?? -1, "target.parentId");
        assertParentFits(level, parent, "target.parentId");
        if (sources.some((source) => parent.path.startsWith(source.path))) throw new ValidationError("Đơn vị cấp trên không hợp lệ.", [{ field: "target.parentId", message: "Đơn vị cấp trên không được nằm trong đơn vị bị hợp nhất." }]);
        await assertCodeFree(tx, input.target.code, "target.code");
        await assertDateAfterLastChange(tx, date, sources, [parent]);
        target = await createUnit(tx, { code: input.target.code, name: input.target.name, level }, parent, date, eventId);
        outcome.created.push(ref(target));
      }
      await step("target");
      outcome.moves = { ...outcome.moves, ...(await countMoves(tx, sources.map((source) => source.path))) };
      for (const source of sources) {
        await moveChildren(source, target, await openChildren(tx, source));
        await step(`moved:${source.id}`);
        await handleAccounts(source, input.users, target);
        await closeUnit(tx, source, date);
        await link("MERGED_INTO", source.id, target.id);
        outcome.closed.push(ref(source));
        await step(`closed:${source.id}`);
      }
      outcome.event.summary = `Hợp nhất ${sources.map((source) => source.name).join(", ")} vào ${target.name}`;
      outcome.warnings.push(...(await sameNameWarnings(tx, [target.id, target.parentId])));
      auditUnitId = target.id;
      break;
    }
    case "SPLIT": {
      const source = await loadUnit(tx, actor, input.sourceId, "sourceId");
      if (source.level === "CITY" || source.level === "BRANCH") throw new ValidationError("Không chia tách được cấp này.", [{ field: "sourceId", message: "Chỉ chia tách phường/xã hoặc quận/huyện." }]);
      const parent = await loadUnit(tx, actor, source.parentId ?? -1, "sourceId");
      const children = await openChildren(tx, source);
      const byId = new Map(children.map((child) => [child.id, child]));
      const assigned = new Map<number, number>();
      const codes = new Set<string>();
      for (const [index, target] of input.targets.entries()) {
        const code = target.code.toLowerCase();
        if (codes.has(code)) throw new ValidationError("Mã đơn vị mới bị trùng.", [{ field: `targets.${index}.code`, message: `Mã ${target.code} dùng cho hai đơn vị mới.` }]);
        codes.add(code);
        await assertCodeFree(tx, target.code, `targets.${index}.code`);
        for (const childId of target.childIds) {
          if (!byId.has(childId)) throw new ValidationError("Đơn vị không trực thuộc đơn vị bị chia tách.", [{ field: `targets.${index}.childIds`, message: `Đơn vị #${childId} không trực thuộc ${source.name}.` }]);
          if (assigned.has(childId)) throw new ValidationError("Một đơn vị được chia về hai nơi.", [{ field: `targets.${index}.childIds`, message: `${byId.get(childId)!.name} đã được chọn cho đơn vị mới khác.` }]);
          assigned.set(childId, index);
        }
      }
      const left = children.filter((child) => !assigned.has(child.id));
      if (left.length) {
        throw new ValidationError("Còn đơn vị chưa được chia.", [{ field: "targets", message: `Chọn nơi chuyển đến cho ${formatNumber(left.length)} đơn vị: ${left.slice(0, 5).map((child) => child.name).join(", ")}${left.length > 5 ? "…" : ""}.` }]);
      }
      if (input.usersTarget >= input.targets.length) throw new ValidationError("usersTarget không hợp lệ.", [{ field: "usersTarget", message: "Chọn một trong các đơn vị mới để nhận tài khoản." }]);
      await assertDateAfterLastChange(tx, date, [source], [parent]);
      outcome.moves = { ...outcome.moves, ...(await countMoves(tx, [source.path])) };
      const created: UnitRow[] = [];
      for (const [index, spec] of input.targets.entries()) {
        const target = await createUnit(tx, { code: spec.code, name: spec.name, level: source.level }, parent, date, eventId);
        created.push(target);
        outcome.created.push(ref(target));
        await moveChildren(source, target, spec.childIds.map((id) => byId.get(id)!));
        await link("SPLIT_INTO", source.id, target.id);
        await step(`target:${index}`);
      }
      await handleAccounts(source, input.users, created[input.usersTarget]);
      await closeUnit(tx, source, date);
      outcome.closed.push(ref(source));
      outcome.event.summary = `Chia tách ${source.name} thành ${created.map((unit) => unit.name).join(", ")}`;
      outcome.warnings.push(...(await sameNameWarnings(tx, [parent.id])));
      auditUnitId = source.id;
      break;
    }
    case "MOVE": {
      const unit = await loadUnit(tx, actor, input.unitId, "unitId");
      const newParent = await loadUnit(tx, actor, input.newParentId, "newParentId");
      if (unit.parentId === newParent.id) throw new ValidationError("Đơn vị đã trực thuộc đơn vị này.", [{ field: "newParentId", message: `${unit.name} đã trực thuộc ${newParent.name}.` }]);
      if (newParent.path.startsWith(unit.path)) throw new ValidationError("Không chuyển được vào chính nó.", [{ field: "newParentId", message: "Không chuyển một đơn vị vào đơn vị trực thuộc của chính nó." }]);
      assertParentFits(unit.level, newParent, "newParentId");
      await assertDateAfterLastChange(tx, date, [unit], [newParent]);
      const oldParent = unit.parentId ? await tx.orgUnit.findUnique({ where: { id: unit.parentId } }) : null;
      outcome.moves = { ...outcome.moves, ...(await countMoves(tx, [unit.path])) };
      await moveSubtree(tx, unit, newParent, date, eventId);
      outcome.moved.push({ ...ref(unit), from: oldParent ? { id: oldParent.id, code: oldParent.code, name: oldParent.name, level: oldParent.level } : null, to: ref(newParent) });
      await link("MOVED", unit.id, newParent.id);
      outcome.event.summary = `Chuyển ${unit.name} về trực thuộc ${newParent.name}`;
      outcome.warnings.push(...(await sameNameWarnings(tx, [newParent.id])));
      auditUnitId = unit.id;
      break;
    }
    case "RENAME": {
      const unit = await loadUnit(tx, actor, input.unitId, "unitId");
      const code = input.code ?? unit.code;
      if (input.name === unit.name && code === unit.code) throw new ValidationError("Tên và mã không đổi.", [{ field: "name", message: "Nhập tên hoặc mã mới." }]);
      if (code.toLowerCase() !== unit.code.toLowerCase()) await assertCodeFree(tx, code, "code", unit.id);
      await assertDateAfterLastChange(tx, date, [], [unit]);
      await renameUnit(tx, unit, input.name, code, date, eventId);
      outcome.renamed.push({ ...ref(unit), name: input.name, code, oldName: unit.name });
      await link("RENAMED", unit.id, unit.id);
      outcome.event.summary = `Đổi tên ${unit.name} thành ${input.name}`;
      outcome.warnings.push(...(await sameNameWarnings(tx, [unit.parentId])));
      auditUnitId = unit.id;
      break;
    }
    case "CLOSE": {
      const unit = await loadUnit(tx, actor, input.unitId, "unitId");
      if (!unit.parentId) throw new ValidationError("Không giải thể được đơn vị gốc.", [{ field: "unitId", message: "Đơn vị gốc của cây không thể giải thể." }]);
      const children = await openChildren(tx, unit);
      if (children.length) throw new ValidationError("Đơn vị còn đơn vị trực thuộc.", [{ field: "unitId", message: `${unit.name} còn ${formatNumber(children.length)} đơn vị trực thuộc: chuyển hoặc hợp nhất chúng trước.` }]);
      const members = await tx.member.count({ where: { branchId: unit.id, status: { in: ["ACTIVE", "EXEMPT"] } } });
      if (members) throw new ValidationError("Chi bộ còn đảng viên.", [{ field: "unitId", message: `${unit.name} còn ${formatNumber(members)} đảng viên: chuyển sinh hoạt đảng cho họ trước.` }]);
      await assertDateAfterLastChange(tx, date, [unit]);
      outcome.moves = { ...outcome.moves, ...(await countMoves(tx, [unit.path])) };
      // Accounts of a closed unit are disabled, or moved up to its parent when the admin asks and their role fits there.
      await handleAccounts(unit, input.users, input.users === "MOVE" ? await loadUnit(tx, actor, unit.parentId, "unitId") : null);
      await closeUnit(tx, unit, date);
      await link("CLOSED", unit.id, null);
      outcome.closed.push(ref(unit));
      outcome.event.summary = `Giải thể ${unit.name}`;
      auditUnitId = unit.id;
      break;
    }
  }
  outcome.event.summary += ` từ ${formatDate(new Date(`${date}T00:00:00Z`))}`;
  if (!preview) {
    // Months from the effective date on that already have roll-ups are rebuilt under the new tree;
    // earlier months keep their tree, so their figures do not change (docs/restructuring.md).
    const month = date.slice(0, 7);
    const periods = (await listStatPeriods(prismaRunner(tx))).filter((period) => period >= month);
    if (periods.length) await refreshHandbookStats(prismaRunner(tx), { periods });
    const meetingPeriods = (await listMeetingStatPeriods(prismaRunner(tx))).filter((period) => period >= month);
    if (meetingPeriods.length) await refreshMeetingStats(prismaRunner(tx), { periods: meetingPeriods, thresholds: await loadQualityThresholds() });
    await step("stats");
  }
  const details = { request: input, moves: outcome.moves, created: outcome.created, closed: outcome.closed, moved: outcome.moved.length, accounts: outcome.accounts.map((account) => ({ id: account.id, action: account.action })) };
  await tx.orgRestructuring.update({ where: { id: eventId }, data: { summary: outcome.event.summary, details: details as Prisma.InputJsonValue } });
  await recordAuditEvent(tx, actor, { action: `org.restructure.${input.type.toLowerCase()}`, entityType: "OrgRestructuring", entityId: eventId, orgUnitId: auditUnitId, details: details as Prisma.InputJsonValue });
  outcome.event.id = preview ? null : eventId;
  return outcome;
}

