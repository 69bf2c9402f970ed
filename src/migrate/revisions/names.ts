/**
 * Where Atlas keeps its revisions: the table's name and the default schema. Apart from table.ts so a reader of the
 * table (`migrate status`) does not load the DDL renderer.
 */

/** The revisions table's name. */
export const REVISIONS_TABLE = "atlas_schema_revisions";

/** The schema holding the revisions table when neither a flag nor the URL names one. */
export const DEFAULT_REVISIONS_SCHEMA = "atlas_schema_revisions";
