import { col, monthly, table } from "../src/entities/index.ts";
import { countries, devices, pages, referrers } from "./dimensions.ts";
import { sites } from "./sites.ts";

const siteFk = (name: string) => ({
  name,
  columns: ["site_id"],
  references: { table: sites, columns: ["id"] },
  onDelete: "CASCADE" as const,
});

/** Per-site daily totals: the main dashboard series. */
export const dailyUsage = table(
  "daily_usage",
  {
    site_id: col.bigint({ unsigned: true }),
    day: col.date(),
    pageviews: col.int({ unsigned: true, default: 0 }),
    visitors: col.int({ unsigned: true, default: 0 }),
    sessions: col.int({ unsigned: true, default: 0 }),
    bounces: col.int({ unsigned: true, default: 0 }),
    total_duration_ms: col.bigint({ unsigned: true, default: 0 }),
    bounce_rate: col.decimal(5, 2, {
      nullable: true,
      generated: { expr: "round(`bounces` * 100 / nullif(`sessions`, 0), 2)", stored: true },
    }),
  },
  {
    primaryKey: ["site_id", "day"],
    foreignKeys: [siteFk("daily_usage_site_fk")],
    checks: [{ name: "daily_usage_bounces_le_sessions", expr: "`bounces` <= `sessions`" }],
  },
);

/**
 * Per-site hourly totals for the last days' live view, partitioned by month so old months leave with a cheap
 * `DROP PARTITION`. Extend the range by changing the last month below: `diff` splits the new months off the `pmax`
 * catch-all (REORGANIZE PARTITION), never rebuilding the table. InnoDB has no foreign keys on partitioned tables, so
 * this table has none: rows of a deleted site stay until their month's partition is dropped.
 */
export const hourlyUsage = table(
  "hourly_usage",
  {
    site_id: col.bigint({ unsigned: true }),
    hour: col.datetime(),
    pageviews: col.int({ unsigned: true, default: 0 }),
    visitors: col.int({ unsigned: true, default: 0 }),
  },
  { primaryKey: ["site_id", "hour"], partitionBy: monthly("hour", "2026-01", "2027-12") },
);

/** Daily pageviews per page. */
export const dailyPageUsage = table(
  "daily_page_usage",
  {
    site_id: col.bigint({ unsigned: true }),
    page_id: col.bigint({ unsigned: true }),
    day: col.date(),
    pageviews: col.int({ unsigned: true, default: 0 }),
    entries: col.int({ unsigned: true, default: 0 }),
  },
  {
    primaryKey: ["site_id", "day", "page_id"],
    indexes: [{ name: "daily_page_usage_page_idx", columns: ["page_id", { column: "day", desc: true }] }],
    foreignKeys: [
      siteFk("daily_page_usage_site_fk"),
      {
        name: "daily_page_usage_page_fk",
        columns: ["page_id"],
        references: { table: pages, columns: ["id"] },
        onDelete: "CASCADE",
      },
    ],
  },
);

/** Daily visits per referrer. */
export const dailyReferrerUsage = table(
  "daily_referrer_usage",
  {
    site_id: col.bigint({ unsigned: true }),
    referrer_id: col.int({ unsigned: true }),
    day: col.date(),
    visits: col.int({ unsigned: true, default: 0 }),
  },
  {
    primaryKey: ["site_id", "day", "referrer_id"],
    indexes: [{ name: "daily_referrer_usage_referrer_idx", columns: ["referrer_id"] }],
    foreignKeys: [
      siteFk("daily_referrer_usage_site_fk"),
      {
        name: "daily_referrer_usage_referrer_fk",
        columns: ["referrer_id"],
        references: { table: referrers, columns: ["id"] },
      },
    ],
  },
);

/** Daily visits per device family and country. */
export const dailyAudience = table(
  "daily_audience",
  {
    site_id: col.bigint({ unsigned: true }),
    day: col.date(),
    device_id: col.int({ unsigned: true }),
    country_code: col.char(2, { charset: "ascii", collate: "ascii_bin" }),
    visits: col.int({ unsigned: true, default: 0 }),
  },
  {
    primaryKey: ["site_id", "day", "device_id", "country_code"],
    indexes: [
      { name: "daily_audience_device_idx", columns: ["device_id"] },
      { name: "daily_audience_country_idx", columns: ["country_code"] },
    ],
    foreignKeys: [
      siteFk("daily_audience_site_fk"),
      { name: "daily_audience_device_fk", columns: ["device_id"], references: { table: devices, columns: ["id"] } },
      {
        name: "daily_audience_country_fk",
        columns: ["country_code"],
        references: { table: countries, columns: ["code"] },
      },
    ],
  },
);
