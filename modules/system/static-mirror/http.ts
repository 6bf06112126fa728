/** One GET to the site being mirrored; redirects are not followed (the mirror writes its own). */
export async function get(base: URL, request: string, headers: Record<string, string> = {}): Promise<Response> {
  const url = new URL(request, base);
  let lastError: unknown;
  // A server that is busy rendering may drop a connection: a second try before giving up.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`Could not fetch ${url.href}: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

/** A JSON document of the read API; anything but a 200 is an error naming the address. */
export async function getJson<T>(base: URL, request: string): Promise<T> {
  const response = await get(base, request, { accept: "application/json" });
  if (response.status !== 200) throw new Error(`${request} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Runs `task` on every item, `width` at a time, keeping the order of the results. */
export async function pool<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/** The path and query of an address on the mirrored site (its own origin or its public one), or null. */
export function sitePath(address: string, origins: string[]): string | null {
  try {
    const url = new URL(address);
    return origins.includes(url.origin) ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}
