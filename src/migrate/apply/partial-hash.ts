/**
 * The revisions table's `partial_hashes` (`sql/migrate/migrate.go` `Executor.Execute`): one cumulative SHA-256 over
 * the texts of the statements applied so far, so a resumed file can prove its applied statements did not change.
 */
import { createHash } from "node:crypto";

/** `h1:` + base64 SHA-256 of statements 1..i concatenated, for every i (texts as the splitter emits them). */
export function partialHashes(statements: readonly string[]): string[] {
  const h = createHash("sha256");
  return statements.map((text) => {
    h.update(text, "utf8");
    return "h1:" + h.copy().digest("base64");
  });
}
