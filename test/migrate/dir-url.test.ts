import { describe, expect, test } from "bun:test";
import { DirUrlError, parseDirUrl } from "../../src/migrate/dir/url.ts";

const ok: { url: string; want: ReturnType<typeof parseDirUrl> }[] = [
  { url: "file://migrations", want: { scheme: "file", path: "migrations" } },
  { url: "file://", want: { scheme: "file", path: "migrations" } },
  { url: "file://./db/migrations", want: { scheme: "file", path: "db/migrations" } },
  { url: "file:///abs/migrations", want: { scheme: "file", path: "/abs/migrations" } },
  { url: "file://migrations?format=atlas", want: { scheme: "file", path: "migrations" } },
  { url: "file:///tmp/my%20dir", want: { scheme: "file", path: "/tmp/my dir" } },
  { url: "mem://dev", want: { scheme: "mem", name: "dev" } },
];

const bad: { url: string; message: string }[] = [
  { url: "migrations", message: 'missing scheme for dir url. Did you mean "file://migrations"? ' },
  { url: "db/migrations?format=goose", message: 'missing scheme for dir url. Did you mean "file://db/migrations"? ' },
  { url: "", message: 'missing scheme for dir url. Did you mean "file://"? ' },
  { url: "s3://bucket", message: 'unsupported driver "s3"' },
  { url: "file://m?format=nope", message: 'unknown dir format "nope"' },
  { url: "file://m?format=goose", message: 'dir format "goose" is not supported (only "atlas")' },
];

describe("parseDirUrl", () => {
  test.each(ok)("$url", (c) => expect(parseDirUrl(c.url)).toEqual(c.want));
  test.each(bad)("rejects '$url'", (c) => {
    expect(() => parseDirUrl(c.url)).toThrow(new DirUrlError(c.url, c.message));
  });
});
