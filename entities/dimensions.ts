import { col, table } from "../src/entities/index.ts";
import { sites } from "./sites.ts";

/** Pages of a site, keyed by a hash of the path so long paths stay indexable. */
export const pages = table(
  "pages",
  {
    id: col.bigint({ unsigned: true, autoIncrement: true }),
    site_id: col.bigint({ unsigned: true }),
    path_hash: col.binary(16, { comment: "MD5 of the normalised path" }),
    path: col.varchar(2048),
    title: col.varchar(512, { nullable: true }),
    first_seen: col.date(),
  },
  {
    primaryKey: ["id"],
    indexes: [{ name: "pages_site_path_uq", columns: ["site_id", "path_hash"], unique: true }],
    foreignKeys: [
      {
        name: "pages_site_fk",
        columns: ["site_id"],
        references: { table: sites, columns: ["id"] },
        onDelete: "CASCADE",
      },
    ],
  },
);

/** Referring hosts (search engines, social sites, links). */
export const referrers = table(
  "referrers",
  {
    id: col.int({ unsigned: true, autoIncrement: true }),
    host: col.varchar(255, { charset: "ascii", collate: "ascii_general_ci" }),
    kind: col.enum(["search", "social", "email", "link", "other"], { default: "link" }),
  },
  { primaryKey: ["id"], indexes: [{ name: "referrers_host_uq", columns: ["host"], unique: true }] },
);

/** Browser / device families parsed from user agents. */
export const devices = table(
  "devices",
  {
    id: col.int({ unsigned: true, autoIncrement: true }),
    ua_hash: col.binary(16, { comment: "MD5 of the raw user-agent string" }),
    browser: col.varchar(64),
    browser_major: col.smallint({ unsigned: true, nullable: true }),
    os: col.varchar(64),
    device_type: col.enum(["desktop", "mobile", "tablet", "bot", "other"]),
  },
  {
    primaryKey: ["id"],
    indexes: [
      { name: "devices_ua_hash_uq", columns: ["ua_hash"], unique: true },
      { name: "devices_type_idx", columns: ["device_type", "browser"] },
    ],
  },
);

/** ISO 3166-1 countries. */
export const countries = table(
  "countries",
  {
    code: col.char(2, { charset: "ascii", collate: "ascii_bin" }),
    name: col.varchar(128),
  },
  { primaryKey: ["code"] },
);
