/**
 * The site_usage schema: every table and view stats-db manages, in declaration order.
 */
import { dailyPageUsageArchive } from "./archive.ts";
import { countries, devices, pages, referrers } from "./dimensions.ts";
import { siteMonthlyUsage } from "./reports.ts";
import { dailyAudience, dailyPageUsage, dailyReferrerUsage, dailyUsage, hourlyUsage } from "./rollups.ts";
import { sites } from "./sites.ts";

/** Database-wide defaults every table inherits unless it says otherwise. */
export const database = { name: "site_usage", charset: "utf8mb4", collate: "utf8mb4_unicode_ci" };

export const tables = [
  sites,
  pages,
  referrers,
  devices,
  countries,
  dailyUsage,
  hourlyUsage,
  dailyPageUsage,
  dailyReferrerUsage,
  dailyAudience,
  dailyPageUsageArchive,
];

/** Views over the tables (report views for the statistics team). */
export const views = [siteMonthlyUsage];
