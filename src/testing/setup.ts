/**
 * Vitest setup for the web project (jsdom): jest-dom matchers and stubs for
 * the browser APIs that jsdom lacks but Mantine and React Flow call.
 */
import '@testing-library/jest-dom/vitest';

import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

import { resetApiClient } from '@/lib/api-client';

// `findBy*` and `waitFor` wait up to 5 s instead of 1 s: renders after a request can take
// that long under jsdom when both cores of a CI machine are busy.
configure({ asyncUtilTimeout: 5_000 });

// Each test starts with the default client configuration, so set the base URL in `beforeEach`.
afterEach(() => {
  cleanup();
  resetApiClient();
});

if (typeof window !== 'undefined') {
  // Mantine reads media queries, and some tables hide cells unless `matchMedia('')` matches.
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: query === '',
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  });

  // Mantine's Select and React Flow observe element sizes.
  class ResizeObserverStub implements ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  window.ResizeObserver = ResizeObserverStub;

  Element.prototype.scrollIntoView = () => {};

  // React Flow reads the viewport zoom from the computed transform via DOMMatrixReadOnly.
  if (window.DOMMatrixReadOnly === undefined) {
    class DOMMatrixReadOnlyStub {
      readonly m22: number;

      constructor(transform?: string) {
        const scale = /scale\(([-\d.e]+)\)/.exec(transform ?? '');
        this.m22 = scale?.[1] === undefined ? 1 : Number(scale[1]);
      }
    }
    Object.defineProperty(window, 'DOMMatrixReadOnly', {
      value: DOMMatrixReadOnlyStub,
      configurable: true,
      writable: true,
    });
  }
}
