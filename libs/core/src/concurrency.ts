/**
 * Runs `worker` over `inputs` with at most `concurrency` at once, yielding results in completion order.
 * A failure rejects the generator and no further input is started.
 */
export async function* mapConcurrent<I, O>(
  inputs: readonly I[],
  concurrency: number,
  worker: (input: I) => Promise<O>,
): AsyncGenerator<O> {
  const pending = new Map<number, Promise<{ index: number; output: O }>>();
  let next = 0;
  const launch = (): void => {
    const index = next;
    next += 1;
    pending.set(
      index,
      worker(inputs[index]).then((output) => ({ index, output })),
    );
  };
  while (next < inputs.length && pending.size < concurrency) launch();
  while (pending.size > 0) {
    const { index, output } = await Promise.race(pending.values());
    pending.delete(index);
    if (next < inputs.length) launch();
    yield output;
  }
}
