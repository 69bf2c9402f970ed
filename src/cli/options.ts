/**
 * Flag definitions shared by several commands.
 */
import type { ArgsDef } from "citty";

/** Flags every command takes. */
export const globalArgs = {
  env: { type: "string", description: "environment block of atlas.hcl to read settings from" },
  config: { type: "string", alias: "c", description: "project file (default file://atlas.hcl)" },
  var: { type: "string", description: "input variable for atlas.hcl, key=value (repeatable)" },
  debug: { type: "boolean", description: "print stack traces on errors" },
  "defaults-file": {
    type: "string",
    description: "MySQL option file whose [client] user, password, host, port, socket, ssl-* apply (default ~/.my.cnf)",
  },
} as const satisfies ArgsDef;

/** `--dir`: the migration directory. */
export const dirArg = {
  dir: { type: "string", description: "migration directory URL (default file://migrations)" },
} as const satisfies ArgsDef;

/** `--flavor`: the SQL flavour for offline planning when no URL says it. */
export const flavorArg = {
  flavor: { type: "string", description: "mysql or mariadb (default: from the env's dev/url scheme, else mysql)" },
} as const satisfies ArgsDef;
