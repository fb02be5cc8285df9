import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { LazyTooltip, tooltipOpenDelay } from './lazy-tooltip';

function renderTooltip(props: { disabled?: boolean } = {}) {
  const onPointerEnter = vi.fn();
  render(
    <MantineProvider>
      <LazyTooltip label="Full id: 1234" {...props}>
        <button type="button" onPointerEnter={onPointerEnter}>
          1234
        </button>
      </LazyTooltip>
    </MantineProvider>,
  );

  return { button: screen.getByRole('button', { name: '1234' }), onPointerEnter };
}

/** Waits past the open delay and lets the tooltip module load. */
async function waitPastDelay() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, tooltipOpenDelay + 200));
    await vi.dynamicImportSettled();
  });
}

describe('LazyTooltip', () => {
  it('shows the label when the mouse rests on the element', async () => {
    const { button, onPointerEnter } = renderTooltip();

    fireEvent.pointerEnter(button, { pointerType: 'mouse' });
    expect(onPointerEnter).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('tooltip', { hidden: true })).not.toBeInTheDocument();

    await waitPastDelay();

    // jsdom lays nothing out, so Mantine hides the tooltip as detached (`display: none`).
    const tooltip = await screen.findByRole('tooltip', { hidden: true });
    expect(tooltip).toHaveTextContent('Full id: 1234');
    // The element is kept: the tooltip attaches to it instead of re-creating it.
    expect(screen.getByRole('button', { name: '1234' })).toBe(button);
  });

  it('stays closed when the mouse leaves before the delay', async () => {
    const { button } = renderTooltip();

    fireEvent.pointerEnter(button, { pointerType: 'mouse' });
    fireEvent.pointerLeave(button, { pointerType: 'mouse' });
    await waitPastDelay();

    expect(screen.queryByRole('tooltip', { hidden: true })).not.toBeInTheDocument();
  });

  it('stays closed for touch', async () => {
    const { button } = renderTooltip();

    fireEvent.pointerEnter(button, { pointerType: 'touch' });
    await waitPastDelay();
    expect(screen.queryByRole('tooltip', { hidden: true })).not.toBeInTheDocument();
  });

  it('stays closed when disabled', async () => {
    const { button } = renderTooltip({ disabled: true });

    fireEvent.pointerEnter(button, { pointerType: 'mouse' });
    await waitPastDelay();

    expect(screen.queryByRole('tooltip', { hidden: true })).not.toBeInTheDocument();
  });
});
