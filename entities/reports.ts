/**
 * Report views for the statistics team: read-only views over the roll-up tables, so a report query needs no join of
 * its own and reads the same figures the dashboards do.
 */
import { sql, view } from "../src/entities/index.ts";

/** Per site and calendar month: the summed daily roll-ups, with the average visit length and the bounce rate. */
export const siteMonthlyUsage = view(
  "site_monthly_usage",
  sql`
    SELECT s.id AS site_id, s.slug, s.plan,
      DATE_FORMAT(u.day, '%Y-%m-01') AS month,
      SUM(u.pageviews) AS pageviews,
      SUM(u.visitors) AS visitors,
      SUM(u.sessions) AS sessions,
      SUM(u.bounces) AS bounces,
      ROUND(SUM(u.total_duration_ms) / NULLIF(SUM(u.sessions), 0) / 1000, 1) AS avg_session_seconds,
      ROUND(100 * SUM(u.bounces) / NULLIF(SUM(u.sessions), 0), 2) AS bounce_rate
    FROM daily_usage u
    JOIN sites s ON s.id = u.site_id
    GROUP BY s.id, s.slug, s.plan, DATE_FORMAT(u.day, '%Y-%m-01')
  `,
  { security: "INVOKER" },
);
