/**
 * The seam between `migrate apply` and an online schema-change tool (pt-online-schema-change today; gh-ost can
 * implement the same interface): how the tool is invoked for one ALTER, what it must find before it starts, what an
 * interrupted run of it leaves behind, and its progress.
 */
import type { Queryable } from "../../../db/types.ts";
import type { Table } from "../../../schema/model.ts";

/** Where the tool connects; the password never appears on a command line (an option file of mode 0600 carries it). */
export interface OnlineCredentials {
  readonly host: string;
  readonly port: number;
  readonly socketPath?: string;
  readonly user: string;
  readonly password?: string;
}

/** The tool's tunables; absent ones take the tool's sane defaults. */
export interface OnlineToolSettings {
  readonly chunkTime?: number;
  readonly maxLoad?: string;
  readonly criticalLoad?: string;
  readonly lockWaitTimeout?: number;
  /** More arguments, passed as they are, before the connection (e.g. `--alter-foreign-keys-method=auto`). */
  readonly options?: readonly string[];
}

/** One ALTER to run online. */
export interface OnlineJob {
  readonly schema: string;
  readonly table: string;
  /** The clauses after `ALTER TABLE name`. */
  readonly clauses: string;
  /** The table as it is before the statement. */
  readonly before: Table;
}

/** What the tool reports while it runs: its copy progress, or another line of its output. */
export type OnlineToolEvent =
  | { readonly kind: "online-progress"; readonly table: string; readonly percent: number; readonly eta: string }
  | { readonly kind: "online-output"; readonly table: string; readonly line: string };

/** What an interrupted run of the tool left on the server. */
export interface OnlineResidue {
  readonly triggers: readonly string[];
  /** The shadow table being filled (dropped on clean-up). */
  readonly shadow: readonly string[];
  /** The original table kept after a cut-over whose last step did not run (reported, never dropped). */
  readonly old: readonly string[];
}

/** An online schema-change tool. */
export interface OnlineTool {
  /** The name used in atlas.hcl and messages (`pt-osc`). */
  readonly name: string;
  /** The program it runs. */
  readonly program: string;
  /** The arguments for a job; `optionFile` is the path of the 0600 file with the password, when there is one. */
  args(job: OnlineJob, credentials: OnlineCredentials, optionFile: string | undefined): string[];
  /** One line saying why the tool cannot run the job on this server, or undefined when it can. */
  refusal(conn: Queryable, job: OnlineJob): Promise<string | undefined>;
  /** What an earlier run of the tool left for this table. */
  residue(conn: Queryable, job: OnlineJob): Promise<OnlineResidue>;
  /** The file where a run of the tool for this job writes its process id (read to see if it still runs on this host). */
  pidFile(job: OnlineJob): string;
  /** A pattern (SQL LIKE) matching the statements the tool's own sessions run while it works on the table. */
  activityPattern(job: OnlineJob): string;
  /** Reads one line of the tool's output: progress, or plain output. */
  readLine(job: OnlineJob, line: string): OnlineToolEvent;
}
