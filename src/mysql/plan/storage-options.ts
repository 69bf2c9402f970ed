/**
 * Checks that a table's storage options exist on the target flavour before they are planned.
 */
import type { TableOptions } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import { PlanError } from "./errors.ts";

/** Throws PlanError for MariaDB-only page compression planned for MySQL (which refuses the option). */
export function assertStorageOptionsFit(options: TableOptions, flavor: Flavor, table: string): void {
  if (flavor.name === "mariadb") return;
  if (options.pageCompressed || options.pageCompressionLevel !== undefined)
    throw new PlanError(`table "${table}" uses PAGE_COMPRESSED, which ${flavor.name} does not support`, table);
}
