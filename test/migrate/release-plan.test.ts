/** Release plans offline: canonical serialisation, the plan hash, edits, and the moves verification reports. */
import { describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import type { ApplyReport } from "../../src/migrate/apply.ts";
import { memoryDir } from "../../src/migrate/dir.ts";
import { buildPlan, plannedFiles } from "../../src/migrate/release-plan/build.ts";
import { canonicalJson } from "../../src/migrate/release-plan/canonical.ts";
import {
  type ApplyPlan,
  PLAN_FORMAT,
  PlanFileError,
  parsePlan,
  serializePlan,
} from "../../src/migrate/release-plan/document.ts";
import { directoryState, type ObservedState, revisionsState } from "../../src/migrate/release-plan/observe.ts";
import { schemaFingerprint } from "../../src/migrate/release-plan/schema-fingerprint.ts";
import { planMoves, statementMoves } from "../../src/migrate/release-plan/verify.ts";
import type { Revision } from "../../src/migrate/revisions.ts";
import type { Schema, Table } from "../../src/schema/model.ts";

const files = memoryDir({
  "001_t.sql": "CREATE TABLE t (id int NOT NULL);\n",
  "002_b.sql": "ALTER TABLE t ADD COLUMN b int;\nALTER TABLE t MODIFY id bigint NOT NULL;\n",
}).files();

const revision = (version: string): Revision => ({
  version,
  description: "t",
  type: 2,
  applied: 1,
  total: 1,
  executedAt: new Date("2026-01-02T03:04:05Z"),
  executionTime: 1000,
  error: "",
  errorStmt: "",
  hash: "h",
  partialHashes: null,
  operatorVersion: "stats-db v0.1.0",
});

const observed: ObservedState = {
  target: {
    driver: "mariadb",
    address: "db1:3306",
    server: "server_id=7 hostname=db1",
    version: "10.11.6-MariaDB",
    database: "site_usage",
    revisionsSchema: "site_usage",
  },
  revisions: revisionsState([revision("001")]),
  directory: directoryState(files),
  liveSchema: "sha256:live",
  inDoubt: [],
};

const report: Pick<ApplyReport, "applied" | "current" | "target"> = {
  current: "001",
  target: "002",
  applied: [
    {
      file: files[1]!,
      start: new Date(),
      end: new Date(),
      durationNs: 1n,
      skipped: 0,
      applied: ["ALTER TABLE t ADD COLUMN b int;", "ALTER TABLE t MODIFY id bigint NOT NULL;"],
      plans: [
        {
          sent: "ALTER TABLE t ADD COLUMN b int, ALGORITHM=INSTANT;",
          cost: { table: "t", algorithm: "INSTANT", rebuild: false, blocksWriters: false, changes: [] },
        },
        {
          sent: "ALTER TABLE t MODIFY id bigint NOT NULL;",
          cost: {
            table: "t",
            algorithm: "COPY",
            rebuild: true,
            blocksWriters: true,
            changes: [],
            size: { rows: 1200, bytes: 65536 },
          },
        },
      ],
    },
  ],
};

const plan: ApplyPlan = buildPlan({
  report,
  files,
  observed,
  options: { txMode: "file", execOrder: "linear", allowDirty: false, allowDrift: false },
  toolVersion: "0.1.0",
  now: new Date("2026-12-01T00:00:00Z"),
});

describe("release plan document", () => {
  test("canonical JSON sorts keys at every level and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{\n  "a": {\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  test("the plan holds the statements as sent with their cost, the file hashes and atlas.sum's total", () => {
    expect(plan.format).toBe(PLAN_FORMAT);
    expect(plan.from).toBe("001");
    expect(plan.to).toBe("002");
    expect(plan.directory.sumTotal).toMatch(/^h1:[A-Za-z0-9+/]+=*$/);
    const [file] = plan.pending;
    expect(file!.name).toBe("002_b.sql");
    expect(file!.sha256).toBe(`sha256:${createHash("sha256").update(files[1]!.bytes).digest("hex")}`);
    expect(file!.sum).toMatch(/^h1:/);
    expect(file!.statements).toEqual([
      {
        sql: "ALTER TABLE t ADD COLUMN b int, ALGORITHM=INSTANT;",
        cost: { table: "t", algorithm: "INSTANT", rebuild: false, blocksWriters: false },
      },
      {
        sql: "ALTER TABLE t MODIFY id bigint NOT NULL;",
        cost: { table: "t", algorithm: "COPY", rebuild: true, blocksWriters: true, rows: 1200, bytes: 65536 },
      },
    ]);
  });

  test("the plan hash is the SHA-256 of the file's text, which is the same for the same plan", () => {
    const a = serializePlan(plan);
    const b = serializePlan(JSON.parse(JSON.stringify(plan)) as ApplyPlan);
    expect(a.text).toBe(b.text);
    expect(a.hash).toBe(`sha256:${createHash("sha256").update(a.text).digest("hex")}`);
    expect(Object.keys(JSON.parse(a.text))).toEqual([...Object.keys(JSON.parse(a.text))].sort());
    const read = parsePlan("p.plan", a.text);
    expect(read.edited).toBe(false);
    expect(read.hash).toBe(a.hash);
    expect(read.plan).toEqual(plan);
  });

  test("an edit after writing shows, even one that keeps the JSON valid", () => {
    const { text } = serializePlan(plan);
    expect(parsePlan("p.plan", text.replace('"rows": 1200', '"rows": 12')).edited).toBe(true);
    expect(parsePlan("p.plan", text.replace("MODIFY id bigint", "DROP COLUMN id, MODIFY id bigint")).edited).toBe(true);
    expect(parsePlan("p.plan", text.replace(/\n {2}"digest": [^\n]*/, "")).edited).toBe(true);
  });

  test("a file that is not a plan is refused with what it is", () => {
    expect(() => parsePlan("x.plan", "not json")).toThrow(PlanFileError);
    expect(() => parsePlan("x.plan", "[]")).toThrow("x.plan is not a stats-db apply plan: not a JSON object");
    expect(() => parsePlan("x.plan", '{"format":"other/v9"}')).toThrow('format "other/v9" is not');
    expect(() => parsePlan("x.plan", `{"format":"${PLAN_FORMAT}"}`)).toThrow('"target" is missing');
  });
});

describe("release plan verification", () => {
  const read = { plan, edited: false };

  test("nothing moved: no move", () => {
    expect(planMoves(read, observed, files)).toEqual([]);
  });

  test("each kind of move is named", () => {
    const moves = (now: Partial<ObservedState>, dir = files, edited = false) =>
      planMoves({ plan, edited }, { ...observed, ...now }, dir);
    expect(moves({}, files, true)).toEqual([
      "plan file: its content was changed after it was written (digest mismatch)",
    ]);
    expect(moves({ target: { ...observed.target, database: "other", server: "server_id=8 hostname=db2" } })).toEqual([
      'target: server was "server_id=7 hostname=db1", is "server_id=8 hostname=db2"',
      'target: database was "site_usage", is "other"',
    ]);
    expect(moves({ revisions: revisionsState([revision("001"), revision("002")]) })).toEqual([
      'revisions: last version was "001", is "002"; applied since the plan: 002 (another run?)',
    ]);
    expect(moves({ revisions: revisionsState([{ ...revision("001"), error: "boom" }]) })).toEqual([
      "revisions: rows changed since the plan (another run?)",
    ]);
    expect(moves({ liveSchema: "sha256:other" })).toEqual([
      "live schema: fingerprint was sha256:live, is sha256:other (changed since the plan; `migrate drift` lists how it differs from the directory)",
    ]);
    expect(moves({ inDoubt: ["statement 2 of version 002"] })).toEqual([
      "revisions: statement 2 of version 002 is in doubt (left by an interrupted run); run `migrate apply` (or `migrate resolve`) first",
    ]);
    const added = memoryDir({
      "001_t.sql": files[0]!.text,
      "002_b.sql": files[1]!.text,
      "003_c.sql": "CREATE TABLE c (id int);\n",
    }).files();
    expect(moves({ directory: directoryState(added) }, added)).toEqual([
      "directory: new file 003_c.sql",
      `directory: atlas.sum total was ${plan.directory.sumTotal}, is ${directoryState(added).sumTotal}`,
    ]);
    const edited = memoryDir({ "001_t.sql": files[0]!.text, "002_b.sql": "ALTER TABLE t ADD COLUMN x int;\n" }).files();
    expect(moves({ directory: directoryState(edited) }, edited)).toEqual([
      "directory: file 002_b.sql changed",
      `directory: atlas.sum total was ${plan.directory.sumTotal}, is ${directoryState(edited).sumTotal}`,
    ]);
  });

  test("statements a run would now send otherwise are named", () => {
    expect(statementMoves(plan.pending, plannedFiles(report, files))).toEqual([]);
    const unpinned = {
      ...report,
      applied: [
        { ...report.applied[0]!, plans: [{ sent: "ALTER TABLE t ADD COLUMN b int;" }, report.applied[0]!.plans![1]] },
      ],
    };
    expect(statementMoves(plan.pending, plannedFiles(unpinned, files))).toEqual([
      'statements: 002_b.sql #1 was "ALTER TABLE t ADD COLUMN b int, ALGORITHM=INSTANT;", is "ALTER TABLE t ADD COLUMN b int;"',
    ]);
    expect(statementMoves(plan.pending, [])).toEqual(["statements: the plan runs 002_b.sql, a run now would run none"]);
  });
});

describe("live schema fingerprint", () => {
  const table = (name: string, autoIncrement?: number): Table => ({
    name,
    columns: [{ name: "id", type: "int", nullable: false }],
    indexes: [],
    foreignKeys: [],
    checks: [],
    options: { engine: "InnoDB", ...(autoIncrement !== undefined ? { autoIncrement } : {}) },
  });
  const schema = (...tables: Table[]): Schema => ({ name: "s", tables });

  test("the same schema in another order or with another AUTO_INCREMENT counter has the same fingerprint", () => {
    const a = schemaFingerprint(schema(table("a", 5), table("b")));
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(schemaFingerprint(schema(table("b"), table("a", 900)))).toBe(a);
  });

  test("a schema change changes it", () => {
    const a = schemaFingerprint(schema(table("a"), table("b")));
    expect(schemaFingerprint(schema(table("a")))).not.toBe(a);
    const wider = { ...table("b"), columns: [{ name: "id", type: "bigint", nullable: false }] };
    expect(schemaFingerprint(schema(table("a"), wider))).not.toBe(a);
  });
});
