import type { SourceDefinition, SourceItem } from '../../domain/source.js';
import type { PoliteFetcher } from '../http/polite-fetcher.js';
import type { CachedPage } from '../payload-store.js';

export interface SourceRunContext {
  readonly definition: SourceDefinition;
  readonly fetcher: PoliteFetcher;
  readonly cached: (url: string) => Promise<CachedPage | null>;
  readonly signal: AbortSignal;
}

/** One kind of source. Adapters fetch and parse; the pipeline normalises, stores and counts. */
export interface SourceAdapter {
  items(context: SourceRunContext): AsyncGenerator<SourceItem>;
}

/** Runs `worker` over `inputs` with at most `concurrency` at once, yielding results in completion order. */
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
