export function oneByteHtml(html: string): string;
