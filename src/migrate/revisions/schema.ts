/**
 * Where the revisions table lives, and Atlas's clarity check when that place is only implied by the URL.
 */
import type { Queryable } from "../../db/types.ts";
import { AmbiguousRevisionsError } from "../apply/errors.ts";
import { RevisionStore } from "../revisions.ts";
import { DEFAULT_REVISIONS_SCHEMA } from "./names.ts";

/** Where the revisions table lives: the flag or env, else the URL's schema, else `atlas_schema_revisions`. */
export function revisionsSchemaOf(explicit: string | undefined, urlSchema: string | undefined): string {
  return explicit ?? urlSchema ?? DEFAULT_REVISIONS_SCHEMA;
}

/** Where a run looks for the revisions table. */
export interface RevisionsPlace {
  /** The schema the URL is bound to, if any. */
  readonly urlSchema?: string;
  readonly revisionsSchema: string;
  /** Whether the revisions schema was named explicitly (flag or env), which skips the check. */
  readonly revisionsSchemaExplicit: boolean;
}

/**
 * Atlas's clarity check: when no revisions table was `found` in the URL's own schema (chosen by default, not named),
 * one in `atlas_schema_revisions` makes the choice ambiguous and the run stops with AmbiguousRevisionsError.
 */
export async function checkRevisionsPlace(conn: Queryable, found: boolean, place: RevisionsPlace): Promise<void> {
  if (
    found ||
    place.urlSchema === undefined ||
    place.revisionsSchemaExplicit ||
    place.revisionsSchema !== place.urlSchema
  )
    return;
  if (await new RevisionStore(conn, DEFAULT_REVISIONS_SCHEMA).exists())
    throw new AmbiguousRevisionsError(place.urlSchema);
}
