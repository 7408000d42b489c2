import type { BadgeTone } from "@/lib/format/tone";
import { html, type Markup } from "@/lib/format/html";

export type { BadgeTone };

function badgeClassName(tone: BadgeTone): string {
  return `badge badge-${tone}`;
}

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: React.ReactNode }) {
  return <span className={badgeClassName(tone)}>{children}</span>;
}

/** The same badge inside a table written as markup (lib/format/html.ts). */
export function badgeMarkup(tone: BadgeTone, text: string): Markup {
  return html`<span class="${badgeClassName(tone)}">${text}</span>`;
}
