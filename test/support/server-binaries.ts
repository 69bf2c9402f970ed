/**
 * Finds the MariaDB server and data-directory installer binaries for the private test server.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The binaries needed to run a private MariaDB. */
export interface ServerBinaries {
  readonly server: string;
  readonly installDb: string;
}

/** Thrown when no server binary is found and STATS_DB_TEST_URL is not set. */
export class NoServerBinaryError extends Error {
  /** The directories that were searched. */
  readonly searched: readonly string[];

  constructor(searched: readonly string[]) {
    super(
      "no MariaDB/MySQL server binary found: install Debian's mariadb-server (apt-get install mariadb-server) " +
        "or set STATS_DB_TEST_URL=mysql://user:pass@host:port",
    );
    this.name = "NoServerBinaryError";
    this.searched = searched;
  }
}

/** The default search path: PATH, then the Debian locations of mariadbd and mariadb-install-db. */
export function defaultSearchDirs(): string[] {
  const path = (process.env.PATH ?? "").split(delimiter).filter((d) => d !== "");
  return [...new Set([...path, "/usr/sbin", "/usr/bin"])];
}

/** Finds `mariadbd` (or `mysqld`) and `mariadb-install-db` (or `mysql_install_db`) in the given directories. */
export function findServerBinaries(dirs: readonly string[] = defaultSearchDirs()): ServerBinaries {
  const server = findFirst(dirs, ["mariadbd", "mysqld"]);
  const installDb = findFirst(dirs, ["mariadb-install-db", "mysql_install_db"]);
  if (server === undefined || installDb === undefined) throw new NoServerBinaryError(dirs);
  return { server, installDb };
}

function findFirst(dirs: readonly string[], names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
