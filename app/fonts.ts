import localFont from "next/font/local";

// The typefaces ship with the app (OFL-1.1 variable fonts from @fontsource-variable), so every
// machine lays pages out alike, whatever fonts it has. Each script is a file of its own with its
// unicode-range, so a page downloads only the scripts it shows (laws are in Kyrgyz, Kazakh, Russian
// and Uzbek as well as English). next/font gives one unicode-range per call, hence one call per
// script; globals.css joins the calls into one stack per family (--font-serif, --font-sans).
// Only the Latin files are preloaded, and only their calls carry the metric-adjusted fallback,
// which must come after every script's face in the stack.

const sourceSerifLatin = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2",
      style: "italic",
    },
  ],
  weight: "200 900",
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
    },
  ],
  adjustFontFallback: "Times New Roman",
  fallback: ["Georgia", "serif"],
  variable: "--font-serif-latin",
});

const sourceSerifLatinExt = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-ext-wght-normal.woff2",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-ext-wght-italic.woff2",
      style: "italic",
    },
  ],
  weight: "200 900",
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF",
    },
  ],
  preload: false,
  adjustFontFallback: false,
  variable: "--font-serif-latin-ext",
});

const sourceSerifCyrillic = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-cyrillic-wght-normal.woff2",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-cyrillic-wght-italic.woff2",
      style: "italic",
    },
  ],
  weight: "200 900",
  declarations: [{ prop: "unicode-range", value: "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116" }],
  preload: false,
  adjustFontFallback: false,
  variable: "--font-serif-cyrillic",
});

const sourceSerifCyrillicExt = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-cyrillic-ext-wght-normal.woff2",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-cyrillic-ext-wght-italic.woff2",
      style: "italic",
    },
  ],
  weight: "200 900",
  declarations: [
    { prop: "unicode-range", value: "U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F" },
  ],
  preload: false,
  adjustFontFallback: false,
  variable: "--font-serif-cyrillic-ext",
});

// Inter has no italic here: the interface sets nothing in italic sans.
const interLatin = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
    },
  ],
  adjustFontFallback: "Arial",
  fallback: ["system-ui", "sans-serif"],
  variable: "--font-sans-latin",
});

const interLatinExt = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
    },
  ],
  preload: false,
  adjustFontFallback: false,
  variable: "--font-sans-latin-ext",
});

const interCyrillic = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-cyrillic-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  declarations: [{ prop: "unicode-range", value: "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116" }],
  preload: false,
  adjustFontFallback: false,
  variable: "--font-sans-cyrillic",
});

const interCyrillicExt = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-cyrillic-ext-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  declarations: [
    { prop: "unicode-range", value: "U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F" },
  ],
  preload: false,
  adjustFontFallback: false,
  variable: "--font-sans-cyrillic-ext",
});

/** The classes that define the variables above, for the root element. */
export const fontVariables = [
  sourceSerifLatin,
  sourceSerifLatinExt,
  sourceSerifCyrillic,
  sourceSerifCyrillicExt,
  interLatin,
  interLatinExt,
  interCyrillic,
  interCyrillicExt,
]
  .map((font) => font.variable)
  .join(" ");
