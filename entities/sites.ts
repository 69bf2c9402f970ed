import { col, sql, table } from "../src/entities/index.ts";

/** A tracked web site: the root every statistic hangs from. */
export const sites = table(
  "sites",
  {
    id: col.bigint({ unsigned: true, autoIncrement: true }),
    slug: col.varchar(64, { comment: "URL-safe identifier used in the tracking snippet" }),
    name: col.varchar(255),
    timezone: col.varchar(64, { default: "UTC", comment: "IANA zone the daily roll-ups are cut in" }),
    plan: col.enum(["free", "pro", "enterprise"], { default: "free" }),
    is_public: col.bool({ default: false }),
    created_at: col.datetime(3, { default: sql("CURRENT_TIMESTAMP(3)") }),
    updated_at: col.datetime(3, { default: sql("CURRENT_TIMESTAMP(3)"), onUpdate: sql("CURRENT_TIMESTAMP(3)") }),
  },
  {
    primaryKey: ["id"],
    indexes: [{ name: "sites_slug_uq", columns: ["slug"], unique: true }],
    comment: "Tracked web sites",
  },
);
