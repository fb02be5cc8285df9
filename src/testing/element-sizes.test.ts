import { describe, expect, it } from 'vitest';

import { stubElementSizes } from '@/testing/element-sizes';

describe('stubElementSizes', () => {
  it('reports inline sizes until restored', () => {
    const element = document.createElement('div');
    element.style.width = '120px';

    const restore = stubElementSizes();
    const stubbedWidth = element.offsetWidth;
    const stubbedHeight = element.offsetHeight;
    restore();

    expect(stubbedWidth).toBe(120);
    expect(stubbedHeight).toBe(1);
    expect(element.offsetWidth).toBe(0);
  });
});
