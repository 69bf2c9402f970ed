/**
 * The member list of a canonical `enum(…)` / `set(…)` type text: the dialect's (mysql/cost/members.ts), re-exported
 * for the analyzers.
 */
export { typeValues } from "../mysql/cost/members.ts";
