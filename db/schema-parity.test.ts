// db/schema.ts (SQLite) and db/schema-pg.ts (PostgreSQL) describe one database: the same tables,
// columns, keys, indexes and constraints under the same SQL names, and the same JS values for
// lib/ (checked by the compiler below). A change to one schema alone fails here.
import { getTableName, is, SQL, Table } from "drizzle-orm";
import {
  getTableConfig as getPgConfig,
  PgDialect,
  type PgTable,
  integer as pgInteger,
  pgTable,
  text as pgText,
  timestamp as pgTimestamp,
} from "drizzle-orm/pg-core";
import {
  getTableConfig as getSqliteConfig,
  SQLiteSyncDialect,
  type SQLiteTable,
} from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as sqliteSchema from "./schema";
import * as pgSchema from "./schema-pg";

/** What a column is, in words both dialects share. */
type ColumnShape = {
  family: string;
  notNull: boolean;
  primary: boolean;
  hasDefault: boolean;
  default: string | null;
  generated: string | null;
  enumValues: string[] | null;
};
type IndexShape = { columns: string[]; unique: boolean; where: string | null };
type ForeignKeyShape = {
  columns: string[];
  foreignTable: string;
  foreignColumns: string[];
  onDelete: string;
  onUpdate: string;
};
type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKeys: Record<string, string[]>;
  indexes: Record<string, IndexShape>;
  uniques: Record<string, string[]>;
  foreignKeys: Record<string, ForeignKeyShape>;
  checks: Record<string, string>;
};

/**
 * The explicit type mapping (docs/postgres.md): each dialect's column class, and for timestamps
 * its mode, to one family. A class not listed gets a family of its own, so it never matches.
 */
const SQLITE_FAMILIES: Record<string, (column: { mode?: string }) => string> = {
  SQLiteInteger: () => "integer",
  SQLiteTimestamp: (c) => (c.mode === "timestamp_ms" ? "timestamp_ms" : `timestamp:${c.mode}`),
  SQLiteBoolean: () => "boolean",
  SQLiteText: () => "text",
  SQLiteTextJson: () => "json",
};
const PG_FAMILIES: Record<
  string,
  (column: { withTimezone?: boolean; precision?: number }) => string
> = {
  PgInteger: () => "integer",
  PgBigInt53: () => "integer",
  PgTimestamp: (c) =>
    c.withTimezone && c.precision === 3
      ? "timestamp_ms"
      : `timestamp:tz=${c.withTimezone},precision=${c.precision}`,
  PgBoolean: () => "boolean",
  PgText: () => "text",
  PgJson: () => "json",
};

/** Integers that outgrow PostgreSQL's 32-bit `integer`: epoch milliseconds and byte counts. */
const BIGINT_COLUMNS = ["media.size_bytes", "upload_counts.window_start"];

/** Checks whose SQL must differ between the dialects, and why; every other check reads the same. */
const DIALECT_CHECKS: Record<string, string> = {
  issues_date_format: "SQLite's GLOB is an anchored regular expression on PostgreSQL",
};

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

function render(value: SQL, dialect: "sqlite" | "pg"): string {
  const query = (dialect === "sqlite" ? sqliteDialect : pgDialect).sqlToQuery(value);
  return query.sql;
}

/**
 * A default in shared words: SQLite's `unixepoch('subsec') * 1000` and PostgreSQL's `now()` are
 * both "now"; a JSON literal is compared parsed; a plain value as JSON.
 */
function defaultShape(value: unknown, dialect: "sqlite" | "pg"): string | null {
  if (value === undefined) return null;
  if (!is(value, SQL)) return JSON.stringify(value);
  const text = render(value, dialect).trim();
  if (/^\(?unixepoch\('subsec'\) \* 1000\)?$/.test(text) || text === "now()") return "now";
  const literal = /^'(.*)'(::json)?$/s.exec(text);
  if (literal?.[1] !== undefined) {
    try {
      return `json:${JSON.stringify(JSON.parse(literal[1].replaceAll("''", "'")))}`;
    } catch {
      return `text:${literal[1]}`;
    }
  }
  return `sql:${text}`;
}

type AnyConfig = ReturnType<typeof getSqliteConfig> | ReturnType<typeof getPgConfig>;

function describeTable(config: AnyConfig, dialect: "sqlite" | "pg"): TableShape {
  const families = dialect === "sqlite" ? SQLITE_FAMILIES : PG_FAMILIES;
  const columnName = (column: unknown) =>
    is(column, SQL) ? `sql:${render(column, dialect)}` : (column as { name: string }).name;
  const shape: TableShape = {
    columns: {},
    primaryKeys: {},
    indexes: {},
    uniques: {},
    foreignKeys: {},
    checks: {},
  };
  for (const column of config.columns) {
    const family = families[column.columnType];
    const extra = column as unknown as { autoIncrement?: boolean };
    // A plain INTEGER PRIMARY KEY is SQLite's rowid, filled in when an insert leaves it out;
    // PostgreSQL has no such thing. lib/ always gives these ids (settings 1, the MFA user).
    const isRowid =
      dialect === "sqlite" &&
      column.columnType === "SQLiteInteger" &&
      column.primary &&
      !extra.autoIncrement &&
      column.default === undefined;
    shape.columns[column.name] = {
      family: family ? family(column as never) : `unmapped:${column.columnType}`,
      notNull: column.notNull,
      primary: column.primary,
      hasDefault: column.hasDefault && !isRowid,
      default: defaultShape(column.default, dialect),
      // SQLite's AUTOINCREMENT and PostgreSQL's GENERATED BY DEFAULT AS IDENTITY both number new
      // rows and both accept an explicit id (restore, seed).
      generated: extra.autoIncrement
        ? "auto"
        : column.generatedIdentity?.type === "byDefault"
          ? "auto"
          : (column.generatedIdentity?.type ?? null),
      enumValues: column.enumValues ? [...column.enumValues] : null,
    };
  }
  for (const key of config.primaryKeys) {
    shape.primaryKeys[key.getName()] = key.columns.map((c) => c.name);
  }
  for (const index of config.indexes) {
    const { name, columns, unique, where } = index.config;
    shape.indexes[name ?? "(unnamed)"] = {
      columns: columns.map(columnName),
      unique,
      where: where ? render(where, dialect) : null,
    };
  }
  for (const unique of config.uniqueConstraints) {
    shape.uniques[unique.getName() ?? "(unnamed)"] = unique.columns.map((c) => c.name);
  }
  for (const key of config.foreignKeys) {
    const reference = key.reference();
    shape.foreignKeys[key.getName()] = {
      columns: reference.columns.map((c) => c.name),
      foreignTable: getTableName(reference.foreignTable),
      foreignColumns: reference.foreignColumns.map((c) => c.name),
      onDelete: key.onDelete ?? "no action",
      onUpdate: key.onUpdate ?? "no action",
    };
  }
  for (const check of config.checks) shape.checks[check.name] = render(check.value, dialect);
  return shape;
}

function tablesOf(module: Record<string, unknown>): Record<string, Table> {
  return Object.fromEntries(
    Object.entries(module).filter(([, value]) => is(value, Table)),
  ) as Record<string, Table>;
}

const show = (value: unknown) => JSON.stringify(value);

/** Every difference between the two maps of one kind, as readable lines. */
function compareMaps<T>(
  where: string,
  kind: string,
  left: Record<string, T>,
  right: Record<string, T>,
  equal: (a: T, b: T, name: string) => string | null = (a, b) =>
    show(a) === show(b) ? null : `${show(a)} ≠ ${show(b)}`,
): string[] {
  const out: string[] = [];
  for (const name of Object.keys(left)) {
    const other = right[name];
    if (other === undefined) out.push(`${where}: ${kind} ${name} missing on pg`);
    else {
      const difference = equal(left[name] as T, other, name);
      if (difference) out.push(`${where}: ${kind} ${name}: sqlite ${difference} pg`);
    }
  }
  for (const name of Object.keys(right)) {
    if (!(name in left)) out.push(`${where}: ${kind} ${name} missing on sqlite`);
  }
  return out;
}

function compareColumns(a: ColumnShape, b: ColumnShape): string | null {
  const keys = Object.keys(a) as (keyof ColumnShape)[];
  const differing = keys.filter((key) => show(a[key]) !== show(b[key]));
  return differing.length === 0
    ? null
    : differing.map((key) => `${key} ${show(a[key])}`).join(", ") +
        " ≠ " +
        differing.map((key) => `${key} ${show(b[key])}`).join(", ");
}

/** The differences between two schemas (the exports of schema.ts and schema-pg.ts), or []. */
function compareSchemas(sqlite: Record<string, unknown>, pg: Record<string, unknown>): string[] {
  const sqliteTables = tablesOf(sqlite);
  const pgTables = tablesOf(pg);
  const out: string[] = [];
  for (const key of Object.keys(sqliteTables)) {
    if (!(key in pgTables)) out.push(`export ${key} missing on pg`);
  }
  for (const key of Object.keys(pgTables)) {
    if (!(key in sqliteTables)) out.push(`export ${key} missing on sqlite`);
  }
  for (const [key, sqliteTable] of Object.entries(sqliteTables)) {
    const pgTable = pgTables[key];
    if (!pgTable) continue;
    const left = getSqliteConfig(sqliteTable as SQLiteTable);
    const right = getPgConfig(pgTable as PgTable);
    if (left.name !== right.name) {
      out.push(`export ${key}: table ${left.name} on sqlite, ${right.name} on pg`);
      continue;
    }
    const a = describeTable(left, "sqlite");
    const b = describeTable(right, "pg");
    const at = left.name;
    out.push(
      ...compareMaps(at, "column", a.columns, b.columns, compareColumns),
      ...compareMaps(at, "primary key", a.primaryKeys, b.primaryKeys),
      ...compareMaps(at, "index", a.indexes, b.indexes),
      ...compareMaps(at, "unique", a.uniques, b.uniques),
      ...compareMaps(at, "foreign key", a.foreignKeys, b.foreignKeys),
      ...compareMaps(at, "check", a.checks, b.checks, (x, y, name) =>
        x === y || name in DIALECT_CHECKS ? null : `${show(x)} ≠ ${show(y)}`,
      ),
    );
    for (const [columnKey, column] of Object.entries(
      pgTable as unknown as Record<string, unknown>,
    )) {
      const config = column as { name?: string; columnType?: string };
      if (!config.columnType) continue;
      const wide = BIGINT_COLUMNS.includes(`${at}.${config.name}`);
      if (wide !== (config.columnType === "PgBigInt53")) {
        out.push(
          `${at}: column ${config.name} (${columnKey}) is ${config.columnType} on pg, ${wide ? "wants bigint" : "wants integer"}`,
        );
      }
    }
  }
  return out;
}

// ── Types: lib/ reads and writes the same JS values through either table ─────────────────────
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type PgTables = pgSchema.PgSchema;
type SqliteTables = { [K in keyof PgTables]: (typeof sqliteSchema)[K] };
const selectParity: { [K in keyof PgTables]: true } = {} as {
  [K in keyof PgTables]: Equal<PgTables[K]["$inferSelect"], SqliteTables[K]["$inferSelect"]>;
};
type Flat<T> = { [K in keyof T]: T[K] };
/** The SQLite insert with its rowid key required, as PostgreSQL (and lib/) have it. */
type RowidGiven<T, K extends PropertyKey> = Flat<
  Omit<T, K> & { [P in K & keyof T]-?: Exclude<T[P], undefined> }
>;
type RowidKeys = { settings: "id"; mfaEnrolments: "userId" };
type SqliteInsert<K extends keyof PgTables> = K extends keyof RowidKeys
  ? RowidGiven<SqliteTables[K]["$inferInsert"], RowidKeys[K]>
  : SqliteTables[K]["$inferInsert"];
const insertParity: { [K in keyof PgTables]: true } = {} as {
  [K in keyof PgTables]: K extends keyof RowidKeys
    ? Equal<Flat<PgTables[K]["$inferInsert"]>, SqliteInsert<K>>
    : Equal<PgTables[K]["$inferInsert"], SqliteInsert<K>>;
};

describe("schema parity", () => {
  it("PostgreSQL's schema has every SQLite table, column, key, index and constraint", () => {
    expect(compareSchemas(sqliteSchema, pgSchema)).toEqual([]);
  });

  it("the schema object holds every table (drizzle(pool, { schema }))", () => {
    expect(Object.keys(pgSchema.schema).sort()).toEqual(Object.keys(tablesOf(pgSchema)).sort());
    expect(Object.keys(tablesOf(sqliteSchema)).length).toBeGreaterThan(20);
    expect(selectParity).toBeDefined();
    expect(insertParity).toBeDefined();
  });

  it("names the dialect-specific checks that exist", () => {
    const names = Object.values(tablesOf(pgSchema)).flatMap((table) =>
      getPgConfig(table as PgTable).checks.map((check) => check.name),
    );
    for (const name of Object.keys(DIALECT_CHECKS)) expect(names).toContain(name);
  });

  it("lists the differences of an altered copy", () => {
    // desks without its unique index and with a nullable name, a timestamp without time zone,
    // a table too many, and users gone.
    const desks = pgTable("desks", {
      id: pgInteger("id").primaryKey().generatedByDefaultAsIdentity(),
      name: pgText("name"),
      createdAt: pgTimestamp("created_at", { precision: 3 }).notNull().defaultNow(),
      updatedAt: pgTimestamp("updated_at", { withTimezone: true, precision: 3 })
        .notNull()
        .default(new Date(0)),
    });
    const extra = pgTable("extra", { id: pgInteger("id").primaryKey() });
    const { users: _users, ...rest } = pgSchema;
    const differences = compareSchemas(sqliteSchema, { ...rest, desks, extra });
    expect(differences).toEqual([
      "export users missing on pg",
      "export extra missing on sqlite",
      "desks: column name: sqlite notNull true ≠ notNull false pg",
      'desks: column created_at: sqlite family "timestamp_ms" ≠ family "timestamp:tz=false,precision=3" pg',
      'desks: column updated_at: sqlite default "now" ≠ default "\\"1970-01-01T00:00:00.000Z\\"" pg',
      "desks: index desks_name_unique missing on pg",
    ]);
  });

  it("sees a changed foreign key, index column order, enum and check", () => {
    const sqliteConfig = getSqliteConfig(sqliteSchema.pages);
    const pgConfig = getPgConfig(pgSchema.pages);
    const a = describeTable(sqliteConfig, "sqlite");
    const b = describeTable(pgConfig, "pg");
    const key =
      Object.keys(b.foreignKeys).find(
        (name) => show(b.foreignKeys[name]?.columns) === '["issue_id"]',
      ) ?? "";
    const altered: TableShape = {
      ...b,
      foreignKeys: {
        ...b.foreignKeys,
        [key]: { ...(b.foreignKeys[key] as ForeignKeyShape), onDelete: "restrict" },
      },
      indexes: {
        pages_issue_number_unique: { columns: ["number", "issue_id"], unique: true, where: null },
      },
      columns: {
        ...b.columns,
        status: { ...(b.columns.status as ColumnShape), enumValues: ["open"] },
      },
      checks: { ...b.checks, pages_number_positive: '"pages"."number" >= 0' },
    };
    const lines = [
      ...compareMaps("pages", "column", a.columns, altered.columns, compareColumns),
      ...compareMaps("pages", "index", a.indexes, altered.indexes),
      ...compareMaps("pages", "foreign key", a.foreignKeys, altered.foreignKeys),
      ...compareMaps("pages", "check", a.checks, altered.checks),
    ];
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^pages: column status: sqlite enumValues \[.*\] ≠ enumValues \["open"\] pg$/,
    );
    expect(lines[1]).toMatch(
      /^pages: index pages_issue_number_unique: sqlite .*"issue_id","number".* ≠ .*"number","issue_id"/,
    );
    expect(lines[2]).toMatch(/onDelete":"cascade".* ≠ .*"onDelete":"restrict"/);
    expect(lines[3]).toMatch(/^pages: check pages_number_positive:/);
  });
});
