import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const IMAGE_FILE = /\.(png|jpe?g)$/i;

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The authority's photo store, without a face model: a directory with one sub-directory per identity label
 * (`<dir>/<label>/*.png|jpg`; directories starting with `_` are skipped). Every file is known by the SHA-256
 * of its bytes, so a submitted capture is recognised exactly when it is byte-identical to one of the files.
 * The first file of a label in name order is the photo "on the ID card"; the others stand for live captures of
 * the same person. Test data stays outside the product: the directory is given at start, never shipped.
 */
export class ReferencePhotos {
  private readonly labelByDigest = new Map<string, string>();
  private readonly cardPhotoByLabel = new Map<string, string>();

  static empty(): ReferencePhotos {
    return new ReferencePhotos();
  }

  /** Throws with the path when the directory cannot be read: a misconfigured simulator must not start. */
  static load(directory: string): ReferencePhotos {
    const photos = new ReferencePhotos();
    for (const label of readdirSync(directory).sort()) {
      const labelDir = join(directory, label);
      if (label.startsWith('_') || !statSync(labelDir).isDirectory()) continue;
      const files = readdirSync(labelDir)
        .filter((file) => IMAGE_FILE.test(file))
        .sort();
      for (const [index, file] of files.entries()) {
        const digest = sha256(readFileSync(join(labelDir, file)));
        photos.labelByDigest.set(digest, label);
        if (index === 0) photos.cardPhotoByLabel.set(label, digest);
      }
    }
    return photos;
  }

  get labels(): number {
    return this.cardPhotoByLabel.size;
  }

  hasLabel(label: string): boolean {
    return this.cardPhotoByLabel.has(label);
  }

  /** The label whose file has exactly these bytes, if any. */
  labelOf(image: Buffer): string | undefined {
    return this.labelByDigest.get(sha256(image));
  }

  /** The capture is the card photo itself (a copy of the authority's photo, not a live person). */
  isCardPhoto(label: string, image: Buffer): boolean {
    return this.cardPhotoByLabel.get(label) === sha256(image);
  }
}
