export function countExpiry(): void;
export function expiriesSoFar(): number;
