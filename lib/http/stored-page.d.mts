export const sharedCacheControl: string;
export const statusMarker: string;
export function storedPageStatus(html: string): { status: number; headers: Record<string, string> } | null;
