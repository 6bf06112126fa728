/** The most an upload to the import may hold, all files together, in MB. */
export const importUploadLimitMb = 64;
export const importUploadLimitBytes = importUploadLimitMb * 1024 * 1024;

/** The files the import reads: JSON in the API's shape, or CSV, one file per type. */
export const importFileTypes = [".json", ".csv"];

export const isImportFileName = (name: string) => /\.(json|csv)$/i.test(name);
