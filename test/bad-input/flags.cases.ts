/** Bad flags and flag values, common to every command. */
import type { BadInputCase } from "./harness.ts";

export const cases: readonly BadInputCase[] = [
  {
    name: "apply: a negative amount",
    args: (c) => ["migrate", "apply", "-1", "--dir", c.dirUrl, "--url", "mysql://root@127.0.0.1:1/x"],
    code: 2,
    first: /unknown flag: -1|amount/,
  },
  {
    name: "apply: an unknown --tx-mode",
    db: true,
    args: (c) => ["migrate", "apply", "--tx-mode", "sometimes", "--dir", c.dirUrl, "--url", c.url],
    code: 2,
    first: /tx-mode/,
  },
  {
    name: "apply: a bad --lock-timeout",
    db: true,
    args: (c) => ["migrate", "apply", "--lock-timeout", "soon", "--dir", c.dirUrl, "--url", c.url],
    code: 2,
    first: /lock-timeout/,
  },
  {
    name: "status: unknown --format template",
    db: true,
    args: (c) => ["migrate", "status", "--format", "{{ .Foo }}", "--dir", c.dirUrl, "--url", c.url],
    code: 2,
    first: /format/,
  },
  {
    name: "drift: no --url",
    args: (c) => ["migrate", "drift", "--dir", c.dirUrl],
    code: 2,
    first: 'Error: required flag "url" not set',
  },
  {
    name: "drift: a URL that names no database",
    args: (c) => ["migrate", "drift", "--dir", c.dirUrl, "--url", "mysql://root@127.0.0.1:1"],
    code: 2,
    first: /names no database/,
  },
  {
    name: "log: unknown --format",
    args: () => ["migrate", "log", "--format", "yaml", "--url", "mysql://root@127.0.0.1:1/x"],
    code: 2,
    first: /^Error: unsupported --format "yaml"/,
  },
];
