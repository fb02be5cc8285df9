/*
 * Text colours of the instances pages that keep a 4.5:1 contrast on the body
 * background in both schemes. Mantine's `dimmed` (gray 6 in the light scheme)
 * is about 3.3:1 on white, which axe-core reports as a serious violation.
 */

/** Secondary text: counts, hints, empty cells. */
export const mutedTextColor =
  'light-dark(var(--mantine-color-gray-7), var(--mantine-color-dark-1))';

/** Error messages. */
export const errorTextColor = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))';

/**
 * Text colour of a light-variant badge: its default text (shade 6) is below
 * 4.5:1 on its own tint in the light scheme, so it is darkened there.
 */
export function badgeTextColor(color: string): string {
  return `light-dark(color-mix(in srgb, var(--mantine-color-${color}-9) 70%, black), var(--badge-color))`;
}
