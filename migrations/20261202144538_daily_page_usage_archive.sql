-- Create "daily_page_usage_archive" table
CREATE TABLE `daily_page_usage_archive` (`site_id` bigint unsigned NOT NULL, `page_id` bigint unsigned NOT NULL, `day` date NOT NULL, `pageviews` int unsigned NOT NULL DEFAULT 0, `entries` int unsigned NOT NULL DEFAULT 0, PRIMARY KEY (`site_id`, `day`, `page_id`)) CHARSET utf8mb4 COLLATE utf8mb4_unicode_ci ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;
