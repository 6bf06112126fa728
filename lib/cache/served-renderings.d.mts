export function enableServedRenderings(enabled?: boolean): void;
export function forgetServedRenderings(): void;
export function servedRendering<R extends { body: string }>(key: string, produce: () => Promise<R>): Promise<R>;
