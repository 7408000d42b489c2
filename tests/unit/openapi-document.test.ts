// The OpenAPI document is generated from the routes' zod schemas: every method
// of every /api/v1 route is in it, every schema in it compiles, and one thing
// (a period) is described one way everywhere.
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/api/openapi/document";

const API_ROOT = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/drafts/[id]/comments/route.ts → /drafts/{id}/comments */
const openApiPath = (file: string) => `/${path.relative(API_ROOT, path.dirname(file)).split(path.sep).map((part) => part.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;

type Operation = { parameters?: { name: string; in: string; schema: object }[]; requestBody?: { content: Record<string, { schema: object }> }; responses: Record<string, { content?: Record<string, { schema: object }> }> };

describe("the OpenAPI document", () => {
  const document = openApiDocument() as unknown as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

  it("describes every method of every /api/v1 route, and nothing that is not there", () => {
    const onDisk = routeFiles(API_ROOT)
      .flatMap((file) => METHODS.filter((method) => new RegExp(`export const ${method}\\b`).test(fs.readFileSync(file, "utf8"))).map((method) => `${method} ${openApiPath(file)}`))
      .sort();
    const described = Object.entries(document.paths)
      .flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`))
      .sort();
    expect(document.openapi).toBe("3.1.0");
    expect(described).toEqual(onDisk);
  });

  it("has schemas that a JSON Schema validator compiles", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "openapi.json", components: document.components });
    const refs = (schema: object) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'));
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const schemas = [
          ...(operation.parameters ?? []).map((parameter) => parameter.schema),
          ...Object.values(operation.requestBody?.content ?? {}).map((content) => content.schema),
          ...Object.values(operation.responses).flatMap((response) => Object.values(response.content ?? {}).map((content) => content.schema)),
        ];
        for (const schema of schemas) expect(() => ajv.compile(refs(schema))).not.toThrow(`${method} ${route}`);
      }
    }
  });

  it("keeps null where a field may be null, also for nested references", () => {
    const item = document.components.schemas.DraftListItem as { properties: Record<string, { type?: string[] }> };
    expect(item.properties.ward.type).toEqual(["object", "null"]);
    expect(JSON.stringify(document)).not.toContain('{"type":["object","null"]}]');
  });

  it("describes the period parameter with one pattern on every path", () => {
    const patterns = new Set<string>();
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        for (const parameter of operation.parameters ?? []) if (parameter.name === "period") patterns.add((parameter.schema as { pattern?: string }).pattern ?? "none");
      }
    }
    expect([...patterns]).toEqual(["^(\\d{4})-(0[1-9]|1[0-2])$"]);
  });
});
