import "server-only";
import { cache } from "react";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { SETTINGS, type SettingDefinition } from "./registry";

/** Several rows in one read, once per server render for the same keys (React cache; a plain read elsewhere). */
const readSettingRows = cache((keys: string) => db().appSetting.findMany({ where: { key: { in: keys.split("\n") } } }));

type SettingValues<D extends readonly SettingDefinition<unknown>[]> = { [K in keyof D]: D[K] extends SettingDefinition<infer T> ? T : never };

/** The values of several settings in one query, in the order asked: a page needing five thresholds makes one round trip, not five. */
export async function getSettings<const D extends readonly SettingDefinition<unknown>[]>(definitions: D, within?: Pick<Tx, "appSetting">): Promise<SettingValues<D>> {
  const keys = definitions.map((definition) => definition.key);
  const rows = within ? await within.appSetting.findMany({ where: { key: { in: keys } } }) : await readSettingRows(keys.join("\n"));
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  return definitions.map((definition) => settingValue(definition, stored.get(definition.key))) as SettingValues<D>;
}

/**
 * The value of a setting, or its default when nobody changed it. Inside a transaction, pass it:
 * a writer holding locks must not wait for a second pooled connection.
 */
export async function getSetting<T>(definition: SettingDefinition<T>, within?: Pick<Tx, "appSetting">): Promise<T> {
  const [value] = await getSettings([definition as SettingDefinition<unknown>], within);
  return value as T;
}

/** A stored value read with other data in one query: the default when absent or no longer valid. */
export function settingValue<T>(definition: SettingDefinition<T>, stored: unknown): T {
  if (stored === undefined || stored === null) return definition.defaultValue;
  const parsed = (definition.schema as z.ZodType<T>).safeParse(stored);
  return parsed.success ? parsed.data : definition.defaultValue;
}

export async function listSettings(actor: Actor) {
  assertCan(actor, "settings.manage");
  const rows = await db().appSetting.findMany({ where: { key: { in: SETTINGS.map((definition) => definition.key) } }, select: { key: true, updatedAt: true } });
  const changedAt = new Map(rows.map((row) => [row.key, row.updatedAt.toISOString()]));
  // updatedAt goes back with the form as expectedUpdatedAt (optimistic concurrency).
  return Promise.all(SETTINGS.map(async (definition) => ({ definition, value: await getSetting(definition), updatedAt: changedAt.get(definition.key) ?? "" })));
}

/**
 * Administrators change a registered setting; the change is audited.
 * `expectedUpdatedAt` (the setting's `updatedAt` when the form was opened, ""
 * when it had never been changed) refuses the save with a 409 when another
 * administrator changed it meanwhile, instead of silently overwriting.
 */
export async function updateSetting(actor: Actor, key: string, rawValue: unknown, options: { expectedUpdatedAt?: string } = {}): Promise<void> {
  assertCan(actor, "settings.manage");
  const definition = SETTINGS.find((setting) => setting.key === key);
  if (!definition) throw new NotFoundError("Không có thiết lập này.");
  const value = parseInput(definition.schema, rawValue) as object;
  await db().$transaction(async (tx) => {
    if (options.expectedUpdatedAt !== undefined) {
      // Serialize writers of this key (the row may not exist yet), then compare.
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`setting:${key}`}))`;
      const current = await tx.appSetting.findUnique({ where: { key }, select: { updatedAt: true } });
      if ((current?.updatedAt.toISOString() ?? "") !== options.expectedUpdatedAt) {
        throw new ConflictError("Thiết lập này vừa được người khác thay đổi. Tải lại trang để xem giá trị mới rồi lưu lại.");
      }
    }
    await tx.appSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
    await recordAuditEvent(tx, actor, { action: "setting.updated", entityType: "AppSetting", entityId: key, details: { value: value as never } });
  });
}
