/** Red for error text with at least 4.5:1 contrast on the body in both colour schemes. */
export const errorTextColor = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))';

/**
 * Props of a light badge whose text keeps 4.5:1 contrast on its tint: Mantine's
 * light-variant text (shade 9 of teal or orange) reaches only about 4.3:1.
 */
export function badgeTone(color: 'teal' | 'orange' | 'red' | 'gray') {
  return {
    color,
    variant: 'light' as const,
    c: `light-dark(color-mix(in srgb, var(--mantine-color-${color}-9) 75%, black), var(--mantine-color-${color}-3))`,
  };
}
