/**
 * The server-wide named lock: `GET_LOCK` (`l`: 1 taken, 0 timed out, NULL error) and `RELEASE_LOCK`.
 */

/** Takes a named lock; two parameters, the name and the wait in whole seconds. */
export const GET_LOCK_QUERY = "SELECT GET_LOCK(?, ?) AS l";

/** Releases a named lock held by this session; one parameter, the name. */
export const RELEASE_LOCK_QUERY = "SELECT RELEASE_LOCK(?) AS r";
