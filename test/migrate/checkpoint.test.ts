import { describe, expect, test } from "bun:test";
import { filesFromLastCheckpoint, isCheckpoint, skipCheckpointFiles } from "../../src/migrate/dir/checkpoint.ts";
import { memoryDir } from "../../src/migrate/dir.ts";

const files = memoryDir({
  "1_a.sql": "CREATE TABLE a (id int);\n",
  "2_ck.sql": "-- atlas:checkpoint v2\n\nCREATE TABLE a (id int);\n",
  "3_b.sql": "CREATE TABLE b (id int);\n",
  "4_ck.sql": "-- atlas:checkpoint\n\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\n",
  "5_c.sql": "-- atlas:checkpoint\nCREATE TABLE c (id int);\n",
}).files();

describe("checkpoints", () => {
  test("isCheckpoint needs the directive in the file header", () => {
    expect(files.map(isCheckpoint)).toEqual([false, true, false, true, false]);
  });
  test("skipCheckpointFiles", () => {
    expect(skipCheckpointFiles(files).map((f) => f.name)).toEqual(["1_a.sql", "3_b.sql", "5_c.sql"]);
  });
  test("filesFromLastCheckpoint starts at the last checkpoint", () => {
    expect(filesFromLastCheckpoint(files).map((f) => f.name)).toEqual(["4_ck.sql", "5_c.sql"]);
  });
  test("filesFromLastCheckpoint without checkpoints is every file", () => {
    const plain = files.filter((f) => !isCheckpoint(f));
    expect(filesFromLastCheckpoint(plain)).toEqual(plain);
  });
});
