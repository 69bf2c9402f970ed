/**
 * How far a running statement has got, as the server tells it: MariaDB reports `STAGE`, `MAX_STAGE` and `PROGRESS`
 * (percent of the whole statement) in `information_schema.PROCESSLIST` for ALTER TABLE and a few others; MySQL 8
 * reports `WORK_COMPLETED` / `WORK_ESTIMATED` of the current stage in `performance_schema.events_stages_current`
 * (InnoDB's `stage/innodb/alter table (…)` stages, when those instruments and the consumer are enabled).
 */
import type { Queryable, Row } from "../../db/types.ts";

/** One session's progress (MariaDB); one parameter, the session id. */
export const MARIADB_PROGRESS_QUERY =
  "SELECT `STAGE` AS stage, `MAX_STAGE` AS max_stage, `PROGRESS` AS progress FROM `information_schema`.`PROCESSLIST` WHERE `ID` = ?";

/** One session's current stage and its work counters (MySQL 8); one parameter, the session id. */
export const MYSQL_PROGRESS_QUERY =
  "SELECT s.`EVENT_NAME` AS stage, s.`WORK_COMPLETED` AS done, s.`WORK_ESTIMATED` AS total " +
  "FROM `performance_schema`.`events_stages_current` s JOIN `performance_schema`.`threads` t ON t.`THREAD_ID` = s.`THREAD_ID` " +
  "WHERE t.`PROCESSLIST_ID` = ?";

/** A running statement's progress: percent done (0–100) and the stage it is in. */
export interface StatementProgress {
  readonly percent: number;
  readonly stage: string;
}

/** Reads a MariaDB PROCESSLIST row; undefined when the statement reports no progress. */
export function mariadbProgress(row: Row | undefined): StatementProgress | undefined {
  const percent = Number(row?.progress ?? 0);
  if (!(percent > 0)) return undefined;
  const stage = Number(row?.stage ?? 0);
  const max = Number(row?.max_stage ?? 0);
  return { percent: Math.min(100, percent), stage: max > 0 ? `stage ${stage} of ${max}` : "" };
}

/** Reads a MySQL events_stages_current row; undefined without an estimate. */
export function mysqlProgress(row: Row | undefined): StatementProgress | undefined {
  const done = Number(row?.done ?? 0);
  const total = Number(row?.total ?? 0);
  if (!(total > 0)) return undefined;
  const stage = String(row?.stage ?? "").replace(/^stage\/(innodb|sql)\//, "");
  return { percent: Math.min(100, (100 * done) / total), stage };
}

/** The progress of the statement session `id` runs, or undefined when the server reports none. */
export async function statementProgress(
  conn: Queryable,
  flavorName: "mysql" | "mariadb",
  id: number,
): Promise<StatementProgress | undefined> {
  if (flavorName === "mariadb") return mariadbProgress((await conn.query(MARIADB_PROGRESS_QUERY, [id]))[0]);
  return mysqlProgress((await conn.query(MYSQL_PROGRESS_QUERY, [id]))[0]);
}
