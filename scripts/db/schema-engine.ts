// Prisma's schema engine as WebAssembly: migrations and diffs with no binary
// download (docs/database.md). Used by scripts and tests, never by the web app.
import fs from "node:fs";
import { createRequire } from "node:module";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const requireFromHere = createRequire(__filename);
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

let wasmReady = false;

function loadWasm(): void {
  if (wasmReady) return;
  const entry = requireFromHere.resolve("@prisma/schema-engine-wasm");
  const wasmPath = entry.replace(/schema_engine\.js$/, "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  wasmReady = true;
}

type PgResult = { fields: { dataTypeID: number }[]; rows: unknown[] };
type Queryable = {
  client: { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
  queryRaw: (query: unknown) => Promise<{ columnTypes: number[] }>;
  performIO: (query: unknown) => Promise<PgResult>;
  executeScript?: (script: string) => Promise<void>;
  startTransaction?: (...args: unknown[]) => Promise<Queryable>;
};

/**
 * Two gaps between adapter-pg and what the engine expects, closed here:
 * - adapter-pg has no mapping for PostgreSQL's internal `"char"` type, which
 *   the engine reads from pg_catalog when it introspects; report those
 *   columns as the engine's Character type instead of failing.
 * - adapter-pg runs a migration script by splitting it on ";", which breaks
 *   function bodies; send it whole, as the native engine does (one implicit
 *   transaction per migration).
 */
function patchQueryable(queryable: Queryable): Queryable {
  const queryRaw = queryable.queryRaw;
  queryable.queryRaw = async function (this: Queryable, query: unknown) {
    const result = await this.performIO(query);
    const charColumns = result.fields.flatMap((field, i) => (field.dataTypeID === PG_CHAR_OID ? [i] : []));
    const fields = charColumns.length
      ? result.fields.map((field) => (field.dataTypeID === PG_CHAR_OID ? { ...field, dataTypeID: PG_TEXT_OID } : field))
      : result.fields;
    const replay = Object.create(this, { performIO: { value: async () => ({ ...result, fields }) } });
    const mapped = await queryRaw.call(replay, query);
    for (const i of charColumns) mapped.columnTypes[i] = ColumnTypeEnum.Character;
    return mapped;
  };
  if (queryable.executeScript) {
    queryable.executeScript = async function (this: Queryable, script: string) {
      try {
        await this.client.query(script);
      } catch (error) {
        this.onError(error);
      }
    };
  }
  const startTransaction = queryable.startTransaction;
  if (startTransaction) {
    queryable.startTransaction = async function (this: Queryable, ...args: unknown[]) {
      return patchQueryable(await startTransaction.apply(this, args));
    };
  }
  return queryable;
}

type EngineSession = { engine: SchemaEngine; close: () => Promise<void> };

/** Opens the schema engine on one database. Close it to release the pool. */
export async function openSchemaEngine(databaseUrl: string, schema: string): Promise<EngineSession> {
  loadWasm();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const base = new PrismaPg(pool);
  const factory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => patchQueryable((await base.connect()) as unknown as Queryable),
    connectToShadowDb: () => base.connectToShadowDb(),
  };
  const logs: string[] = [];
  const engine = await glue.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    (message: string) => logs.push(message),
    bindMigrationAwareSqlAdapterFactory(factory as never),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
