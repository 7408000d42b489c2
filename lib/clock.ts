// The one clock the domain reads. Everything that asks "what day is it?" goes
// through now(), so a test can set the date (setClock) instead of depending on
// the day it runs, and a demo server can be run as of another day (APP_CLOCK).
// Shared by server and client code: no server-only imports.
// What it decides: periods, deadlines, lateness, "this month", the demo's seed day.
// Security timers (sessions, sign-in lockout, rate-limit windows, API token
// expiry) measure real elapsed time and keep reading Date: a server run as of
// another day must still expire a session after its real lifetime.
import { appClock } from "@/lib/env";

let fixedAt: Date | null = null;

function clockFromEnvironment(): Date | null {
  const value = appClock();
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** The current instant: the real time, unless a test or APP_CLOCK fixed it. */
export function now(): Date {
  const fixed = fixedAt ?? clockFromEnvironment();
  return fixed ? new Date(fixed.getTime()) : new Date();
}

/** Fix the clock at an instant (tests); null gives the real time back. */
export function setClock(at: Date | string | null): void {
  fixedAt = at === null ? null : new Date(at);
}
