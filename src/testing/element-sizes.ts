/**
 * Opt-in size stub for React Flow canvas tests. jsdom does no layout, so every
 * element measures 0×0 and React Flow keeps its nodes hidden. While the stub
 * is on, elements report their inline size instead, or 1 px.
 *
 * Not part of the global setup because it changes how Mantine's transitions
 * and modals behave in other tests.
 */
type SizeProperty = 'offsetWidth' | 'offsetHeight';

const styleProperty: Record<SizeProperty, 'width' | 'height'> = {
  offsetWidth: 'width',
  offsetHeight: 'height',
};

/** Installs the stub and returns a function that restores the original properties. */
export function stubElementSizes(): () => void {
  const originals = new Map<SizeProperty, PropertyDescriptor | undefined>();

  for (const property of ['offsetWidth', 'offsetHeight'] as const) {
    originals.set(property, Object.getOwnPropertyDescriptor(HTMLElement.prototype, property));
    Object.defineProperty(HTMLElement.prototype, property, {
      configurable: true,
      get(this: HTMLElement) {
        return Number.parseFloat(this.style[styleProperty[property]]) || 1;
      },
    });
  }

  return () => {
    for (const [property, descriptor] of originals) {
      if (descriptor) {
        Object.defineProperty(HTMLElement.prototype, property, descriptor);
      }
    }
  };
}
