import { expect, test } from "bun:test";
import { partialHashes } from "../../src/migrate/apply/partial-hash.ts";

test.each([
  { statements: [], want: [] },
  {
    // The verified example of docs/atlas-compat.md §3.1.
    statements: ["CREATE TABLE `t1` (`id` int NOT NULL);", "CREATE TABLE `t2` (`id` int NOT NULL);"],
    want: ["h1:5W2qT0qZ47OuDDBHj5SIduzbKbGxCLWeNt5iGCLtOrM=", "h1:rlXcxI98gekQPH1EoKjBRpLfJKHWFgNKJsNcHdFriHY="],
  },
])("partialHashes of $statements.length statements", (c) => expect(partialHashes(c.statements)).toEqual(c.want));
