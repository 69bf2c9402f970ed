/**
 * What identifies a server, for a release plan: MySQL's `@@server_uuid` (unique per data directory); MariaDB has none,
 * so its `@@server_id` with the machine's host name; and the server's version. Columns `id`, `version`.
 */

/** The identity query of each flavour. */
export const SERVER_IDENTITY_QUERY: Readonly<Record<"mysql" | "mariadb", string>> = {
  mysql: "SELECT CONCAT('server_uuid=', @@server_uuid) AS id, VERSION() AS version",
  mariadb: "SELECT CONCAT('server_id=', @@server_id, ' hostname=', @@hostname) AS id, VERSION() AS version",
};
