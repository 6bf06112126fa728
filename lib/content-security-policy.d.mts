export function contentSecurityPolicy(options: {
  nonce?: string;
  hashes?: string[];
  development: boolean;
  https: boolean;
}): string;
export function inlineScriptHashes(html: string): string[];
export const nonPagePolicy: string;
