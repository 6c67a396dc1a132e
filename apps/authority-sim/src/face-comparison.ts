import type { ReferencePhotos } from './registry/reference-photos';

/**
 * Similarity the simulator reports, decided without a face model (see CONTRACT.md § Face comparison):
 * a capture recognised as the person's own label scores SAME_PERSON, one recognised as another label
 * OTHER_PERSON, an image the photo directory does not hold UNKNOWN_IMAGE.
 */
export const SIMULATED_SCORES = { samePerson: 0.95, otherPerson: 0.12, unknownImage: 0.05 } as const;

export type FaceComparison =
  | { readonly kind: 'no_photo' }
  | { readonly kind: 'liveness_failed'; readonly reason: 'card_photo_replayed' }
  | { readonly kind: 'compared'; readonly score: number };

/** The authority's face step for one capture against the photo it holds for `photoLabel`. */
export function compareFace(
  photos: ReferencePhotos,
  photoLabel: string | null,
  image: Buffer,
): FaceComparison {
  if (photoLabel === null || !photos.hasLabel(photoLabel)) return { kind: 'no_photo' };
  // Passive liveness as the real services run it on the uploaded capture: the card photo itself is a copy.
  if (photos.isCardPhoto(photoLabel, image))
    return { kind: 'liveness_failed', reason: 'card_photo_replayed' };
  const label = photos.labelOf(image);
  if (label === undefined) return { kind: 'compared', score: SIMULATED_SCORES.unknownImage };
  return {
    kind: 'compared',
    score: label === photoLabel ? SIMULATED_SCORES.samePerson : SIMULATED_SCORES.otherPerson,
  };
}
