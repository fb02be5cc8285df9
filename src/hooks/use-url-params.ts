import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigation, useSearchParams } from 'react-router';

export type ParamChanges = Record<string, string | number | undefined>;

/**
 * Reads the URL search params and returns a setter that merges changes into
 * them: `undefined` or `''` removes a param. Navigation pushes a history
 * entry unless `replace` is set.
 */
export function useUrlParams() {
  const [searchParams, setSearchParams] = useSearchParams();

  const setParams = useCallback(
    (changes: ParamChanges, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);

          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }

          return next;
        },
        { replace: options.replace },
      );
    },
    [setSearchParams],
  );

  return [searchParams, setParams] as const;
}

export const pageSizeOptions = [10, 20, 50, 100] as const;
export const defaultPageSize = 20;

function parsePageSize(value: string | null): number {
  const size = Number(value);

  // The API clamps page sizes above 100, so larger values would only mislead the pager.
  return Number.isInteger(size) && size > 0 && size <= 100 ? size : defaultPageSize;
}

/** Cursor and page size of a cursor-paged list, kept in the URL (`?cursor=…&pageSize=…`). */
export function useCursorParams() {
  const [searchParams, setParams] = useUrlParams();
  const cursor = searchParams.get('cursor') || undefined;
  const pageSize = parsePageSize(searchParams.get('pageSize'));

  const setCursor = useCallback(
    (next: string | undefined) => setParams({ cursor: next }),
    [setParams],
  );

  // A cursor carries its own page size, so changing the size restarts from the first page.
  const setPageSize = useCallback(
    (size: number) =>
      setParams({ pageSize: size === defaultPageSize ? undefined : size, cursor: undefined }),
    [setParams],
  );

  return { cursor, pageSize, setCursor, setPageSize };
}

/**
 * Text input state mirrored to a URL search param: typing updates the input
 * at once and the URL (with replace, resetting the cursor) after `delay` ms.
 */
export function useDebouncedSearchParam(name: string, delay = 300) {
  const [searchParams, setParams] = useUrlParams();
  const committed = searchParams.get(name) ?? '';
  const [value, setValue] = useState(committed);
  const [lastCommitted, setLastCommitted] = useState(committed);

  // Back/forward navigation changes the URL under the input: follow it.
  if (committed !== lastCommitted) {
    setLastCommitted(committed);
    setValue(committed);
  }

  // A click on a link to another page can wait for that page's code. A search committed
  // meanwhile would replace that navigation and keep the user on this page.
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const leaving = useRef(false);
  useEffect(() => {
    leaving.current = navigation.state !== 'idle' && navigation.location?.pathname !== pathname;
  }, [navigation.state, navigation.location?.pathname, pathname]);

  const commit = useDebouncedCallback((next: string) => {
    if (leaving.current) return;
    setParams({ [name]: next.trim(), cursor: undefined }, { replace: true });
  }, delay);

  const onChange = useCallback(
    (next: string) => {
      setValue(next);
      commit(next);
    },
    [commit],
  );

  const clear = useCallback(() => {
    commit.cancel();
    setValue('');
    setParams({ [name]: undefined, cursor: undefined }, { replace: true });
  }, [commit, name, setParams]);

  return { value, committed, onChange, clear };
}

/** Returns `value` when it is one of `choices`, else `undefined` (a hand-edited or stale URL). */
export function parseChoiceParam<T extends string>(
  value: string | null,
  choices: readonly T[],
): T | undefined {
  return choices.find((choice) => choice === value);
}
