import "server-only";
import sharp from "sharp";
import { imagePixelLimit } from "./limits";

/**
 * Reads an image's header as the thumbnailer will: refuses one that cannot be decoded, or that
 * declares more pixels than the archive decodes. The pixels themselves are not read here.
 */
export async function inspectImage(file: string, name: string): Promise<{ refused: string } | null> {
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(file, { limitInputPixels: false }).metadata());
  } catch {
    return { refused: `${name} could not be read as an image: the file may be damaged.` };
  }
  if (!width || !height) return { refused: `${name} could not be read as an image: it has no size.` };
  if (width * height > imagePixelLimit) {
    return {
      refused: `${name} is ${width} × ${height} pixels; the archive takes images of up to ${imagePixelLimit / 1_000_000} million pixels.`,
    };
  }
  return null;
}
