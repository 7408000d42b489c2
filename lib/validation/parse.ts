import { z } from "zod";
import { ValidationError, type ErrorDetail } from "@/lib/errors";

// Vietnamese defaults for the messages a schema does not spell out itself.
z.config(z.locales.vi());

function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || undefined,
    path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
    message: issue.message,
  }));
}

/** Parses input with a schema, throwing a ValidationError that lists every problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = "Dữ liệu không hợp lệ."): z.infer<S> {
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
