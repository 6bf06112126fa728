import "server-only";
import sharp from "sharp";
import { imagePixelLimit, thumbnailSize } from "./limits";

/**
 * A small WebP of an image (its first page, for a TIFF), turned upright as its EXIF says and
 * never enlarged, for the documents list. Made once per stored image and stored by its own hash.
 */
export async function makeThumbnail(bytes: Uint8Array): Promise<Uint8Array> {
  const webp = await sharp(bytes, { limitInputPixels: imagePixelLimit, failOn: "error" })
    .rotate()
    .resize({ width: thumbnailSize, height: thumbnailSize, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 78 })
    .toBuffer();
  return new Uint8Array(webp.buffer, webp.byteOffset, webp.byteLength);
}

export function isImage(mediaType: string): boolean {
  return mediaType.startsWith("image/");
}
