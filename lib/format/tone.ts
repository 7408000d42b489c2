// The tone of a status badge. Domain labels pick a tone beside their text; the badge draws it.
export type BadgeTone = "neutral" | "ok" | "warn" | "bad" | "info" | "brand";
