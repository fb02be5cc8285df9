import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';

import { useDebouncedSearchParam } from './use-url-params';

function SearchPage() {
  const search = useDebouncedSearchParam('q', 50);

  return (
    <>
      <input
        aria-label="Search"
        value={search.value}
        onChange={(event) => search.onChange(event.target.value)}
      />
      <Link to="/other">Other page</Link>
    </>
  );
}

/** A router whose `/other` page waits for `release()`, like a page whose code is still loading. */
function renderWithSlowPage() {
  let release = () => {};
  const loaded = new Promise<void>((resolve) => {
    release = resolve;
  });
  const router = createMemoryRouter(
    [
      { path: '/', element: <SearchPage /> },
      {
        path: '/other',
        lazy: async () => {
          await loaded;

          return { Component: () => <p>Other page loaded</p> };
        },
      },
    ],
    { initialEntries: ['/'] },
  );
  render(<RouterProvider router={router} />);

  return { router, release };
}

describe('useDebouncedSearchParam', () => {
  it('commits the search to the URL after the delay', async () => {
    const { router } = renderWithSlowPage();

    fireEvent.change(screen.getByRole('textbox', { name: 'Search' }), {
      target: { value: 'refund' },
    });

    await waitFor(() => expect(router.state.location.search).toBe('?q=refund'));
  });

  it('leaves a pending navigation alone', async () => {
    const { router, release } = renderWithSlowPage();

    fireEvent.change(screen.getByRole('textbox', { name: 'Search' }), {
      target: { value: 'refund' },
    });
    fireEvent.click(screen.getByRole('link', { name: 'Other page' }));
    // Past the 50 ms delay while the other page still loads.
    await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
    release();

    expect(await screen.findByText('Other page loaded')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/other');
  });
});
