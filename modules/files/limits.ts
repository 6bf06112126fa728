/** The largest file one upload may hold, in MB (the page refuses larger files before sending them). */
export const fileUploadLimitMb = 100;
export const fileUploadLimitBytes = fileUploadLimitMb * 1024 * 1024;

// Word and OpenDocument files are ZIP archives: what they may unpack to before they count as a zip bomb.
export const archiveEntryLimit = 5_000;
export const archiveInflatedLimitBytes = 250 * 1024 * 1024;

// A PDF's pages, read at upload for the page count and again by extraction.
export const pdfPageLimit = 5_000;

// An image's pixels, checked at upload: a small file can declare a picture that would take
// gigabytes to decode (a decompression bomb).
export const imagePixelLimit = 100_000_000;

// Thumbnails fit this square; readers see them beside the documents.
export const thumbnailSize = 480;
