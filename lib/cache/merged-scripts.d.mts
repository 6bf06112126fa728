export function mergeAdjacentScripts(html: string): string;
