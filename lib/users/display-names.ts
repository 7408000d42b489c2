import "server-only";
import { db } from "@/lib/db/client";

/**
 * Some records keep who did something as the actor's label (a username, or an
 * API token's name) for the audit trail. People read names: this maps the
 * labels that are usernames to the person's display name; others stay as
 * they are.
 */
export async function displayNamesFor(labels: (string | null | undefined)[]): Promise<(label: string) => string> {
  const wanted = [...new Set(labels.filter((label): label is string => !!label))];
  const users = wanted.length ? await db().user.findMany({ where: { username: { in: wanted } }, select: { username: true, displayName: true } }) : [];
  const names = new Map(users.map((user) => [user.username, user.displayName]));
  return (label) => names.get(label) ?? label;
}
