import { resolve } from 'node:path';
import type { Photo } from '../model/model.js';
import { type Diagnostic, UserError } from '../source/diagnostics.js';
import { imageDamage } from '../source/image-check.js';
import { imageSize, MAX_PHOTO_SIDE } from '../source/image-size.js';
import type { DataPath, LoadedSource } from '../source/load.js';
import { PHOTO_KIND, readInput } from '../source/read-input.js';
import type { Resume } from '../validate/schema.js';

/**
 * The header photo's bytes when folio.photo is on and basics.image is a local PNG or JPEG (a URL is a warning:
 * folio never fetches); a missing or oversized file is a located error, a damaged one a located warning (an error
 * with --strict) and no photo.
 */
export async function loadPhoto(
  src: LoadedSource,
  resume: Resume,
  baseDir: string,
  warnings: Diagnostic[],
  at: (path: DataPath, message: string, severity: Diagnostic['severity']) => Diagnostic,
): Promise<Photo | null> {
  const image = resume.basics?.image;
  if (!resume.folio?.photo || !image) return null;
  const path: DataPath = ['basics', 'image'];
  if (/^[a-z][a-z0-9+.-]*:/i.test(image)) {
    warnings.push(
      at(
        path,
        'folio.photo is on but basics.image is a URL; folio never fetches remote files, so the PDF has no photo. ' +
          'Use a local PNG or JPEG path',
        'warning',
      ),
    );
    return null;
  }
  let data: Buffer;
  try {
    data = await readInput(resolve(baseDir, image), image, PHOTO_KIND);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const why = err.message.slice(`${image}: error: `.length);
    const message =
      why === 'no such file'
        ? `cannot read the photo ${image} (a path relative to ${src.file})`
        : `cannot use the photo ${image}: ${why}`;
    throw new UserError('error: photo', [at(path, message, 'error')]);
  }
  const format =
    data[0] === 0x89 && data.subarray(1, 4).toString('latin1') === 'PNG'
      ? 'png'
      : data[0] === 0xff && data[1] === 0xd8
        ? 'jpg'
        : null;
  // A file that is not a whole PNG or JPEG is left out with one located warning (an error with --strict), not
  // handed to the renderer, which drops it printing its library's words once a render.
  const without = (why: string) => {
    warnings.push(at(path, `${image} ${why}; the PDF is built without the photo`, 'warning'));
    return null;
  };
  if (!format) return without(`is not a PNG or JPEG image${looksLikeText(data) ? ' (it holds text)' : ''}`);
  const kind = format === 'png' ? 'PNG' : 'JPEG';
  // Decoding is what costs memory (4 bytes a pixel): the size comes from the header first.
  const size = imageSize(data, format);
  if (!size) return without(`is not a readable ${kind} image (its header is damaged)`);
  if (size.width > MAX_PHOTO_SIDE || size.height > MAX_PHOTO_SIDE || !size.width || !size.height) {
    throw new UserError('error: photo size', [
      at(
        path,
        `${image} is ${size.width} × ${size.height} pixels; the PDF takes photos up to ${MAX_PHOTO_SIDE} pixels ` +
          'a side (a header photo needs about 600): scale it down',
        'error',
      ),
    ]);
  }
  const damage = await imageDamage(data, format);
  if (damage) return without(`is not a whole ${kind} image: it ${damage}`);
  return { data, format };
}

/** The first bytes are printable text (a file saved with the wrong name, an HTML error page saved as .png). */
function looksLikeText(data: Uint8Array): boolean {
  const head = data.subarray(0, 512);
  return head.length > 0 && head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127));
}
