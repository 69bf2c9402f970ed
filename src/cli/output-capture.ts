/**
 * Output held back while one target of a multi-target run works: everything the command writes through output.ts
 * (stdout and stderr, in order) goes to that target's buffer, and the runner prints it whole when the target ends, so
 * targets running side by side never interleave their lines. The buffer follows the target's async work
 * (AsyncLocalStorage), so concurrent targets each keep their own.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** One write: the file descriptor (1 or 2) and its text. */
export interface Chunk {
  readonly fd: number;
  readonly text: string;
}

const buffers = new AsyncLocalStorage<Chunk[]>();

/** The buffer of the target whose work is running, or undefined outside a multi-target run. */
export function captureBuffer(): Chunk[] | undefined {
  return buffers.getStore();
}

/** Runs `f` with its output through output.ts collected; returns its result (or rejection) and the chunks. */
export async function captured<T>(f: () => Promise<T>): Promise<{ chunks: Chunk[]; result: PromiseSettledResult<T> }> {
  const chunks: Chunk[] = [];
  const [result] = await buffers.run(chunks, () => Promise.allSettled([f()]));
  return { chunks, result: result! };
}
