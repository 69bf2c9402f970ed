/** A running statement's progress read from captured rows: MariaDB's PROCESSLIST, MySQL 8's stage events. */
import { describe, expect, test } from "bun:test";
import { mariadbProgress, mysqlProgress } from "../../src/mysql/queries/progress.ts";

describe("statement progress", () => {
  test("MariaDB: PROGRESS is the percent of the whole statement, with its stage", () => {
    // Captured from MariaDB 10.11.19 during ALTER TABLE … MODIFY (ALGORITHM=COPY) on 300000 rows: the copy stage,
    // then "Enabling keys", which reports no progress.
    expect(mariadbProgress({ stage: 1, max_stage: 2, progress: 28.536 })).toEqual({
      percent: 28.536,
      stage: "stage 1 of 2",
    });
    expect(mariadbProgress({ stage: 2, max_stage: 2, progress: 0 })).toBeUndefined();
    expect(mariadbProgress(undefined)).toBeUndefined();
  });

  test("MySQL 8: WORK_COMPLETED of WORK_ESTIMATED in the current InnoDB stage", () => {
    // A row of performance_schema.events_stages_current during ALTER TABLE … ADD INDEX (MySQL 8.0 manual §27.12.5).
    const row = { stage: "stage/innodb/alter table (read PK and internal sort)", done: 1460, total: 5920 };
    const p = mysqlProgress(row);
    expect(p?.stage).toBe("alter table (read PK and internal sort)");
    expect(p?.percent).toBeCloseTo(24.66, 2);
    expect(mysqlProgress({ stage: "stage/sql/altering table", done: null, total: null })).toBeUndefined();
  });
});
