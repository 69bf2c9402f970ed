import { expect, test } from "bun:test";
import { formatChecksumReport } from "../../src/cli/report/checksum.ts";
import {
  ChecksumError,
  ChecksumFileNotFound,
  ChecksumMismatch,
  type SumValidationError,
} from "../../src/migrate/dir/sum.ts";

const cases: { name: string; error: SumValidationError; want: string }[] = [
  {
    name: "located error",
    error: new ChecksumError(3, "20240102000000_add_name.sql", "edited"),
    want:
      "You have a checksum error in your migration directory.\n\n" +
      "\tL3: 20240102000000_add_name.sql was edited\n\n" +
      "Please check your migration files and run 'stats-db migrate hash' to re-hash the contents\n\n",
  },
  {
    name: "missing atlas.sum",
    error: new ChecksumFileNotFound(),
    want:
      "You have a checksum error in your migration directory.\n" +
      "Please check your migration files and run 'stats-db migrate hash' to re-hash the contents\n\n",
  },
  {
    name: "plain mismatch",
    error: new ChecksumMismatch(),
    want:
      "You have a checksum error in your migration directory.\n" +
      "Please check your migration files and run 'stats-db migrate hash' to re-hash the contents\n\n",
  },
];

test.each(cases)("$name", (c) => expect(formatChecksumReport(c.error)).toBe(c.want));
