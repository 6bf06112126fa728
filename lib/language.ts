/** "ky" → "Kyrgyz"; an unknown or malformed code is shown as it is. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
