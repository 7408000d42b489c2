// Unexpected errors, one JSON line each, with enough context to find them again.
export function logError(area: string, error: unknown, context: Record<string, unknown> = {}): void {
  const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { message: String(error) };
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), area, ...context, error: err }));
}
