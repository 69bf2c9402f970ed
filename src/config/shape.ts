/**
 * Which blocks and attributes `atlas.hcl` may hold, as Atlas's project file accepts them (`cmd/atlas/internal/cmdapi/
 * project.go`: Env, Migration, Lint, Diff, Format, Test), and the check that refuses anything else — a typo such as
 * `ur = …` or `migraton { … }` is an error at its line, not a setting silently ignored. Two `env` blocks of one name
 * are refused too (one env block with `for_each` is how Atlas names several targets).
 */
import type { Block, Body } from "../hcl/ast.ts";
import { ConfigError } from "./errors.ts";
import { ONLINE_ATTRS } from "./online.ts";

/** A block's allowed contents: attribute names (or any), child blocks by type, and its number of labels. */
interface Shape {
  readonly labels?: number | "any";
  readonly attrs: readonly string[] | "any";
  /** Meta-arguments (`for_each`): accepted like attributes, left out of the list a typo's message suggests. */
  readonly meta?: readonly string[];
  readonly blocks?: Readonly<Record<string, Shape>> | "any";
}

/** A block whose contents this tool does not read (Atlas-only features): anything inside is accepted. */
const OPEN: Shape = { labels: "any", attrs: "any", blocks: "any" };
const attrsOnly = (...attrs: string[]): Shape => ({ attrs });

const repo = attrsOnly("name");
const analyzer = attrsOnly("error");
const testSrc = attrsOnly("src", "vars");

/** `lint { … }`, global or in an env: Atlas's options, `max_rows` and `max_bytes` (this tool's), and one block per analyzer. */
const lint: Shape = {
  attrs: ["latest", "log", "format", "review", "max_rows", "max_bytes"],
  blocks: {
    git: attrsOnly("dir", "base"),
    // This tool's analyzers (src/lint) and Atlas's non-linear check: `error = bool`.
    ...Object.fromEntries(
      [
        "destructive",
        "data_depend",
        "condrop",
        "incompatible",
        "inline_refs",
        "enum_set",
        "blocking",
        "schema_only",
        "non_linear",
      ].map((n) => [n, analyzer]),
    ),
    // Atlas analyzers this tool does not run: their options are Atlas's to check.
    naming: OPEN,
    concurrent_index: OPEN,
  },
};

const SKIP_CHANGES = ["schema", "table", "column", "index", "foreign_key", "view", "func", "proc", "trigger"].flatMap(
  (o) =>
    ["add", "drop", "modify", ...(["table", "view", "func", "proc", "trigger"].includes(o) ? ["rename"] : [])].map(
      (verb) => `${verb}_${o}`,
    ),
);

/** `diff { skip { drop_table = true … } }`; driver-specific policy blocks are Atlas's. */
const diff: Shape = { attrs: [], blocks: { skip: attrsOnly(...SKIP_CHANGES), concurrent_index: OPEN } };

const test: Shape = { attrs: [], blocks: { schema: testSrc, migrate: testSrc } };

const env: Shape = {
  labels: 1,
  attrs: ["url", "dev", "src", "schemas", "exclude"],
  meta: ["for_each"],
  blocks: {
    migration: {
      attrs: [
        "dir",
        "exclude",
        "format",
        "baseline",
        "exec_order",
        "lock_timeout",
        "lock_wait_timeout",
        "revisions_schema",
      ],
      blocks: { repo },
    },
    schema: { attrs: ["src"], blocks: { repo } },
    // stats-db's own: pinning and the online schema-change tool (online.ts).
    online: { attrs: ONLINE_ATTRS },
    lint,
    diff,
    test,
    format: {
      attrs: [],
      blocks: {
        migrate: attrsOnly("apply", "down", "lint", "status", "diff"),
        schema: attrsOnly("clean", "inspect", "apply", "diff", "push"),
      },
    },
    // Atlas's older name of `format`.
    log: { attrs: [], blocks: { migrate: attrsOnly("apply", "lint", "status"), schema: attrsOnly("apply") } },
  },
};

/** The top level of the file. */
const PROJECT: Shape = {
  attrs: [],
  blocks: {
    variable: { labels: 1, attrs: ["type", "default", "description", "sensitive", "nullable"] },
    locals: { attrs: "any" },
    data: { ...OPEN, labels: 2 },
    env,
    lint,
    diff,
    test,
    // Atlas Cloud settings and docker dev databases: Atlas's to read.
    atlas: OPEN,
    docker: OPEN,
  },
};

function where(path: readonly Block[]): string {
  return path.length === 0
    ? "at the top level"
    : `in ${path.map((b) => [b.type, ...b.labels.map((l) => JSON.stringify(l))].join(" ")).join(" > ")}`;
}

function names(list: readonly string[]): string {
  return list.length ? `expected one of: ${list.join(", ")}` : "it takes none";
}

function checkBody(body: Body, shape: Shape, path: readonly Block[], file: string): void {
  const attrs = shape.attrs;
  if (attrs !== "any") {
    const bad = body.attrs.find((a) => !attrs.includes(a.name) && !shape.meta?.includes(a.name));
    if (bad)
      throw new ConfigError(
        file,
        `unknown attribute ${JSON.stringify(bad.name)} ${where(path)} (${names(attrs)})`,
        bad.pos,
      );
  }
  const blocks = shape.blocks ?? {};
  for (const block of body.blocks) {
    const child = blocks === "any" ? OPEN : Object.hasOwn(blocks, block.type) ? blocks[block.type] : undefined;
    if (!child)
      throw new ConfigError(
        file,
        `unknown block ${JSON.stringify(block.type)} ${where(path)} (${names(Object.keys(blocks))})`,
        block.pos,
      );
    const labels = child.labels ?? 0;
    if (labels !== "any" && block.labels.length !== labels)
      throw new ConfigError(
        file,
        `a ${block.type} block takes ${labels} label${labels === 1 ? "" : "s"}, found ${block.labels.length}`,
        block.pos,
      );
    checkBody(block.body, child, [...path, block], file);
  }
}

/** Throws ConfigError at the first block or attribute Atlas's project file does not define, or at a second `env` of one name. */
export function checkProjectShape(body: Body, file: string): void {
  checkBody(body, PROJECT, [], file);
  const seen = new Map<string, Block>();
  for (const e of body.blocks.filter((b) => b.type === "env")) {
    const first = seen.get(e.labels[0]!);
    if (first)
      throw new ConfigError(
        file,
        `env ${JSON.stringify(e.labels[0])} is defined twice (first at line ${first.pos.line})`,
        e.pos,
      );
    seen.set(e.labels[0]!, e);
  }
}
