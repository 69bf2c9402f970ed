import { col, table } from "../src/entities/index.ts";

/**
 * Closed years of per-page daily counts, moved out of `daily_page_usage` by the yearly retention job and read only by
 * reports: compressed pages (InnoDB ROW_FORMAT=COMPRESSED, 8 KiB) trade CPU for about half the disk. No foreign keys:
 * the archive keeps the counts of pages and sites deleted since.
 */
export const dailyPageUsageArchive = table(
  "daily_page_usage_archive",
  {
    site_id: col.bigint({ unsigned: true }),
    page_id: col.bigint({ unsigned: true }),
    day: col.date(),
    pageviews: col.int({ unsigned: true, default: 0 }),
    entries: col.int({ unsigned: true, default: 0 }),
  },
  { primaryKey: ["site_id", "day", "page_id"], rowFormat: "COMPRESSED", keyBlockSize: 8 },
);
