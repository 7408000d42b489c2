// Markup written as a string, for the few large read-only tables where React elements cost more than
// the table: a city's heat map is hundreds of cells, and each element is serialized for the client
// router and parsed again to render HTML. Every interpolated value is escaped unless it is markup
// built here, so text from the database cannot become markup.

const MARKUP = Symbol("markup");
export type Markup = { readonly [MARKUP]: string };

type Value = Markup | string | number | null | undefined | false | readonly Value[];

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe inside HTML or XML (the SVG of document charts), in content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (typeof value === "object") return (value as Markup)[MARKUP];
  return escapeHtml(String(value));
}

/** html`<td title="${label}">${text}</td>`: the literal parts as written, the values escaped (markup from `html` kept, lists joined, null/false left out). */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return { [MARKUP]: out };
}

/** The string to hand to `dangerouslySetInnerHTML`. */
export function markupString(markup: Markup): string {
  return markup[MARKUP];
}
