/** A file the server stored, as app/admin/attachments/upload answers it. */
export type StoredFile = {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
  pageCount: number | null;
  alreadyStored: boolean;
};

/**
 * Sends one file's bytes to the upload route, reporting progress (0 to 1) as they go. Resolves
 * with the stored file, or rejects with the server's message for the person who sent it.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<StoredFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/admin/attachments/upload");
    request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    request.setRequestHeader("content-type", "application/octet-stream");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { file?: StoredFile; error?: string } | null;
      if (request.status === 200 && body?.file) resolve(body.file);
      else reject(new Error(body?.error ?? `${file.name} could not be uploaded (error ${request.status}). Try again.`));
    };
    request.onerror = () => reject(new Error(`${file.name} could not be sent: the connection failed. Try again.`));
    request.send(file);
  });
}
