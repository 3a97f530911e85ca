/**
 * A request's origin, path and query with the parameters in a fixed order: openapi-fetch and the boot may
 * write the same query in different orders or encodings (api/prefetch.ts matches a read to an early one by it).
 */
export function requestKey(url: string, base: string): string {
  const parsed = new URL(url, base);
  parsed.searchParams.sort();
  return `${parsed.origin}${parsed.pathname}?${parsed.searchParams.toString()}`;
}
