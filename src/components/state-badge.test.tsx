import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderWithProviders } from '@/testing/render-app';

import { PlainStateBadge, StateBadge } from './state-badge';
import type { DisplayState } from './state-badge';

describe('StateBadge', () => {
  it.each<[DisplayState, string]>([
    ['running', 'Running'],
    ['waiting', 'Waiting'],
    ['succeeded', 'Succeeded'],
    ['failed', 'Failed'],
    ['canceled', 'Canceled'],
    ['pending', 'Pending'],
    ['skipped', 'Not run'],
  ])('labels the %s state', (state, label) => {
    renderWithProviders(<StateBadge state={state} />);

    expect(screen.getByText(label)).toBeInTheDocument();
  });

  it('gives each terminal state its own colour', () => {
    renderWithProviders(
      <>
        <StateBadge state="succeeded" />
        <StateBadge state="failed" />
        <StateBadge state="canceled" />
      </>,
    );

    const colours = ['Succeeded', 'Failed', 'Canceled'].map((label) =>
      screen.getByText(label).closest('[data-state]')?.getAttribute('style'),
    );

    expect(new Set(colours).size).toBe(3);
  });
});

describe('PlainStateBadge', () => {
  it.each<[DisplayState, string]>([
    ['running', 'Running'],
    ['succeeded', 'Succeeded'],
    ['skipped', 'Not run'],
  ])('labels the %s state', (state, label) => {
    renderWithProviders(<PlainStateBadge state={state} />);

    expect(screen.getByText(label).closest('[data-state]')).toHaveAttribute('data-state', state);
  });

  it('gives each terminal state its own colour', () => {
    renderWithProviders(
      <>
        <PlainStateBadge state="succeeded" />
        <PlainStateBadge state="failed" />
        <PlainStateBadge state="canceled" />
      </>,
    );

    const colours = ['Succeeded', 'Failed', 'Canceled'].map((label) =>
      screen.getByText(label).closest('[data-state]')?.getAttribute('style'),
    );

    expect(new Set(colours).size).toBe(3);
  });
});
