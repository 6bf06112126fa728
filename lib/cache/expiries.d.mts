export function countExpiry(tags?: string[]): void;
export function expiriesSoFar(): number;
export function expiredSince(tags: string[], since: number): boolean;
