import { escapeAdaptive } from './adaptive-text.js';
import type { AcElement } from './adaptive-card-types.js';
import { restorePlain } from './plain-text.js';
import { TEAMS_IMAGE_MAX_BYTES, TEAMS_IMAGE_MAX_SIDE } from './limits.js';
import type { CardImage } from './model.js';
import { pngDimensions } from './png-dimensions.js';

/**
 * An image as an Adaptive Card Image with a data URI (allowed from schema 1.2; Teams leaves base64
 * out of the message size). Teams refuses images over 1 MB or 1024×1024 (platforms.md §2.4): such an
 * image becomes its alt text, so the reader still learns what it showed.
 */
export function toAdaptiveImage(image: CardImage): AcElement[] {
  const caption: AcElement[] = image.title
    ? [{ type: 'TextBlock', text: escapeAdaptive(image.title), wrap: true, weight: 'bolder', spacing: 'medium' }]
    : [];
  const size = pngDimensions(image.png);
  const tooBig =
    image.png.length >= TEAMS_IMAGE_MAX_BYTES ||
    (size !== undefined &&
      (size.width > TEAMS_IMAGE_MAX_SIDE || size.height > TEAMS_IMAGE_MAX_SIDE));
  if (tooBig) {
    return [
      ...caption,
      {
        type: 'TextBlock',
        text: `${escapeAdaptive(image.alt)} (image too large to show here)`,
        wrap: true,
        isSubtle: true,
      },
    ];
  }
  return [
    ...caption,
    {
      type: 'Image',
      url: `data:image/png;base64,${image.png.toString('base64')}`,
      altText: restorePlain(image.alt),
    },
  ];
}
