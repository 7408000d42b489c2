import { z } from "zod";
import { ValidationError, type ErrorDetail } from "@/lib/errors";
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from "./storable-text";

// Vietnamese defaults for the messages a schema does not spell out itself.
z.config(z.locales.vi());

function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || undefined,
    path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
    message: issue.message,
  }));
}

// Text PostgreSQL cannot store (storable-text.ts) is checked here, where every
// request's input is parsed, so that no route has to remember it and no query ever sees it.

/** Every string (and object key) of the input that PostgreSQL cannot store, with its path. */
export function unstorableTextDetails(input: unknown, path: (string | number)[] = [], found: ErrorDetail[] = []): ErrorDetail[] {
  if (found.length >= 20) return found;
  if (typeof input === "string") {
    if (!isStorableText(input)) found.push({ field: path.map(String).join(".") || undefined, path, message: UNSTORABLE_TEXT_MESSAGE });
  } else if (Array.isArray(input)) {
    input.forEach((item, index) => unstorableTextDetails(item, [...path, index], found));
  } else if (input !== null && typeof input === "object") {
    for (const [key, value] of Object.entries(input)) {
      if (!isStorableText(key)) found.push({ field: path.join(".") || undefined, path, message: UNSTORABLE_TEXT_MESSAGE });
      else unstorableTextDetails(value, [...path, key], found);
    }
  }
  return found;
}

/** Refuses input holding text PostgreSQL cannot store (a 400 naming each field). */
export function assertStorableText(input: unknown, message = "Dữ liệu không hợp lệ."): void {
  const details = unstorableTextDetails(input);
  if (details.length) throw new ValidationError(message, details);
}

/** Parses input with a schema, throwing a ValidationError that lists every problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = "Dữ liệu không hợp lệ."): z.infer<S> {
  assertStorableText(input, message);
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(message, zodDetails(result.error));
  return result.data;
}

/** Field → messages, for forms. */
export function fieldErrorsOf(details: ErrorDetail[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const detail of details) {
    const key = detail.field ?? "_";
    (fieldErrors[key] ??= []).push(detail.message);
  }
  return fieldErrors;
}
