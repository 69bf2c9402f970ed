/**
 * GRANT statements for an account on whole schemas.
 */
import { ident, quoteString } from "../sql.ts";

/** An account as SQL text: `'user'@'host'`. */
export function accountName(user: string, host: string): string {
  return `${quoteString(user)}@${quoteString(host)}`;
}

/** `GRANT p1, p2 ON `schema`.* TO account` (no terminating semicolon). */
export function grantStatement(privileges: readonly string[], schema: string, account: string): string {
  return `GRANT ${privileges.join(", ")} ON ${ident(schema)}.* TO ${account}`;
}
