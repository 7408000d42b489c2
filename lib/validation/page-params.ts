// How pages read their URL: path segments through pathId/pathPeriod, search params
// through readSearchParams with one zod schema per page (kept in lib/<area>/, beside
// the area's other schemas). Pages forgive what the API refuses: a bad value falls
// back to what its field gives when the key is absent, and the bad keys are
// reported for the pages that explain a bad filter or answer 404 for an unknown unit.
import { notFound } from "next/navigation";
import { z } from "zod";
import { isPeriod, PeriodSchema, type Period } from "@/lib/periods/period";
import { isStorableText } from "./storable-text";

/** Next's searchParams: a key given twice (?a=1&a=2) arrives as an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

const MAX_INT4 = 2_147_483_647;

/**
 * A record id in the URL: 1 to 10 digits (no sign, space or exponent), a positive
 * PostgreSQL integer. A larger number is no record, not a database error.
 * The API's idParam and the pages' pathId both read ids with this.
 */
export const recordIdParam = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_INT4));

/** The id in `value`, or null when it is not one. */
export function parseRecordId(value: unknown): number | null {
  const result = recordIdParam.safeParse(value);
  return result.success ? result.data : null;
}

/** A unit filter (?unit=): absent means the reader's scope root; a malformed one is reported invalid (pages answer 404, as for an unknown unit). */
export const unitParam = recordIdParam.optional();

/** A flag (?moi=1): "1" is true; absent or anything else is false. */
export const flagParam = z
  .literal("1")
  .optional()
  .transform((value) => value === "1");

/** A four-digit year (?year=2026); the page or its schema bounds it. */
export const yearParam = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .optional();

/** A month "YYYY-MM" (?period=). */
export const periodParam = PeriodSchema.optional();

/** Free text (?q=). */
export const textParam = z.string().optional();

export type PageParams<S extends z.ZodObject> = {
  values: z.output<S>;
  /** The keys whose value was given but bad (each then has its fallback). */
  invalid: (keyof z.output<S> & string)[];
};

/**
 * The page's search params, field by field: a good value as its schema reads it; an
 * absent or empty one ("?unit=", what a GET form sends for an empty field) as the
 * field reads undefined; a bad one likewise, and its key listed in `invalid`.
 * Bad includes a key given twice (an array: no page reads a list from its URL, and
 * today's string checks refuse one) and text PostgreSQL cannot store. proxy.ts already
 * answers 400 to a URL with %00 before any page runs; this keeps such text (and a lone
 * surrogate) from ever reaching a query even so. Every field must accept undefined
 * (.optional() or a default); cross-field rules belong in the page.
 */
export function readSearchParams<S extends z.ZodObject>(searchParams: SearchParams, schema: S): PageParams<S> {
  const values: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = Object.hasOwn(searchParams, key) ? searchParams[key] : undefined;
    const given = raw === "" ? undefined : raw;
    const refused = Array.isArray(given) || (given !== undefined && !isStorableText(given));
    const result = refused ? null : z.safeParse(field, given);
    if (result?.success) {
      values[key] = result.data;
      continue;
    }
    invalid.push(key);
    const fallback = z.safeParse(field, undefined);
    if (!fallback.success) throw new Error(`Page parameter "${key}" needs .optional() or a default.`);
    values[key] = fallback.data;
  }
  return { values: values as z.output<S>, invalid: invalid as PageParams<S>["invalid"] };
}

/** The record id of a path segment (/org/[id]); anything else is a 404, as an unknown record. */
export function pathId(segment: string): number {
  return parseRecordId(segment) ?? notFound();
}

/** The period of a path segment (/meetings/branch/[branchId]/[period]); anything else is a 404. */
export function pathPeriod(segment: string): Period {
  return isPeriod(segment) ? segment : notFound();
}
