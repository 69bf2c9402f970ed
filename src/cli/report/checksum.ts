/**
 * The paragraph Atlas prints (`printChecksumError` in `cmd/atlas/internal/cmdapi/migrate.go`, colours off) when a
 * migration directory fails its checksum validation, its hint naming this tool's command (`stats-db migrate hash`)
 * rather than Atlas's; the CLI adds `Error: <message>` on stderr itself.
 */
import { ChecksumError, type SumValidationError } from "../../migrate/dir/sum.ts";

/** The text Atlas prints for a checksum failure; the `L<n>` line appears only for a located `ChecksumError`. */
export function formatChecksumReport(error: SumValidationError): string {
  const located = error instanceof ChecksumError ? `\n\tL${error.line}: ${error.file} was ${error.reason}\n\n` : "";
  return (
    "You have a checksum error in your migration directory.\n" +
    located +
    "Please check your migration files and run 'stats-db migrate hash' to re-hash the contents\n\n"
  );
}
