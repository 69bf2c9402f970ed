/**
 * The release plan of `migrate apply --dry-run --out FILE`: what was reviewed — the target, its revisions, the
 * directory, the statements as they will be sent with their cost, and the live schema's fingerprint — written as
 * canonical JSON with a digest of its own content, so that the file's SHA-256 (the plan hash) names it and an edit
 * after it was written shows.
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical.ts";

/** The value of `format` this version writes and reads. */
export const PLAN_FORMAT = "stats-db.apply-plan/v1";

/** Which server and database the plan was made on (no credentials). */
export interface PlanTarget {
  readonly driver: "mysql" | "mariadb";
  /** `host:port` (or the socket path) from the URL. */
  readonly address: string;
  /** What identifies the server: `server_uuid=…` on MySQL, `server_id=… hostname=…` on MariaDB. */
  readonly server: string;
  readonly version: string;
  /** The schema the URL is bound to ("" when none). */
  readonly database: string;
  readonly revisionsSchema: string;
}

/** The revisions table as the plan saw it. */
export interface PlanRevisions {
  /** Versions of the rows, in order. */
  readonly versions: readonly string[];
  /** The last version ("" when none). */
  readonly last: string;
  /** `sha256:` of the rows' canonical JSON, every column. */
  readonly digest: string;
}

/** The migration directory as the plan saw it. */
export interface PlanDirectory {
  /** atlas.sum's total (`h1:…`). */
  readonly sumTotal: string;
  /** Every file's name, in order. */
  readonly files: readonly string[];
}

/** A statement's cost, as the cost model gave it when the plan was made. */
export interface PlanCost {
  readonly table: string;
  readonly algorithm: string;
  readonly rebuild: boolean;
  readonly blocksWriters: boolean;
  readonly rows?: number;
  readonly bytes?: number;
}

/** One statement exactly as it will be sent, with its cost and, when it runs through the online tool, the tool. */
export interface PlanStatement {
  readonly sql: string;
  readonly cost?: PlanCost;
  readonly online?: { readonly tool: string; readonly command: string; readonly reason: string };
}

/** A pending file: its identity and the statements the run sends. */
export interface PlanFile {
  readonly name: string;
  readonly version: string;
  /** `sha256:` of the file's bytes. */
  readonly sha256: string;
  /** The file's line in atlas.sum (`h1:…`). */
  readonly sum: string;
  /** Statements an earlier run already applied (a partly applied file). */
  readonly skipped: number;
  readonly statements: readonly PlanStatement[];
}

/** The options of the run the plan was made for; applying it runs with the same. */
export interface PlanOptions {
  readonly txMode: string;
  readonly execOrder: string;
  readonly baseline?: string;
  readonly allowDirty: boolean;
  readonly allowDrift: boolean;
}

/** A release plan. */
export interface ApplyPlan {
  readonly format: typeof PLAN_FORMAT;
  readonly createdAt: string;
  readonly toolVersion: string;
  readonly target: PlanTarget;
  readonly revisions: PlanRevisions;
  readonly directory: PlanDirectory;
  readonly options: PlanOptions;
  /** The version before the run ("" when none) and the version it migrates to ("" when nothing is pending). */
  readonly from: string;
  readonly to: string;
  readonly pending: readonly PlanFile[];
  /** `sha256:` of the live schema's canonical rendering (schema-fingerprint.ts). */
  readonly liveSchema: string;
}

/** The plan file could not be read as a plan: exit 2, the operator passed the wrong file. */
export class PlanFileError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} is not a stats-db apply plan: ${reason}`);
    this.name = "PlanFileError";
  }
}

/** `sha256:` + hex SHA-256 of a text. */
export function sha256Of(text: string | Uint8Array): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

/** The file's text (canonical JSON with `digest` over the rest) and its plan hash (SHA-256 of that text). */
export function serializePlan(plan: ApplyPlan): { text: string; hash: string } {
  const text = canonicalJson({ ...plan, digest: sha256Of(canonicalJson(plan)) });
  return { text, hash: sha256Of(text) };
}

/** A plan file as read: the plan, its hash, and whether its content still matches its digest. */
export interface ReadPlan {
  readonly plan: ApplyPlan;
  readonly hash: string;
  /** The content no longer matches the digest written with it: edited after it was written. */
  readonly edited: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads a plan file's text; `path` names it in errors. */
export function parsePlan(path: string, text: string): ReadPlan {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new PlanFileError(path, `not JSON (${(e as Error).message})`);
  }
  if (!isObject(doc)) throw new PlanFileError(path, "not a JSON object");
  if (doc.format !== PLAN_FORMAT)
    throw new PlanFileError(
      path,
      `format ${JSON.stringify(doc.format)} is not ${JSON.stringify(PLAN_FORMAT)} (written by another version?)`,
    );
  const { digest, ...rest } = doc;
  for (const key of ["target", "revisions", "directory", "options"] as const)
    if (!isObject(rest[key])) throw new PlanFileError(path, `"${key}" is missing`);
  if (!Array.isArray(rest.pending)) throw new PlanFileError(path, `"pending" is missing`);
  return {
    plan: rest as unknown as ApplyPlan,
    hash: sha256Of(text),
    edited: typeof digest !== "string" || digest !== sha256Of(canonicalJson(rest)),
  };
}
