import { useVirtualizer } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { useHref, useNavigate } from 'react-router';

import { useTimeFormat } from '@/components/time-format';
import { useNow } from '@/hooks/use-now';
import { paths } from '@/lib/paths';

import { inKeyOrder, RecycledKeys } from './timeline/recycled-keys';
import { InstanceGridRow } from './list/instance-grid-row';
import type { InstanceRow } from './list/instance-rows';
import classes from './list/instances-grid.module.css';
import { useListKeyboard } from './list/use-list-keyboard';

const rowHeight = 40;
const headerHeight = 36;

type InstancesTableProps = {
  rows: readonly InstanceRow[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Selects every row, or clears the selection when all rows are selected. */
  onToggleAll: () => void;
  /** Receives the ids of the rows on screen (and the overscan), e.g. to fetch their details. */
  onVisibleRowsChange?: (instanceIDs: string[]) => void;
  /** Links the workflow names to their pages. @default true */
  linkWorkflows?: boolean;
};

const columns = [
  'Instance',
  'Workflow',
  'Outcome',
  'Stage',
  'Started',
  'Ended',
  'Duration',
  'Error',
];

/** Pause after the last scroll step before the rows on screen are reported. */
const visibleRowsDelayMs = 150;

/** True for a click that the browser should handle: a new tab, a download, another button. */
function isModifiedClick(event: MouseEvent): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/**
 * Virtualized grid of instances: only the rows on screen and a few beyond are
 * in the DOM, however many are loaded. Keys: j/k move, Enter opens, x selects.
 */
export function InstancesTable({
  rows,
  selected,
  onToggle,
  onToggleAll,
  onVisibleRowsChange,
  linkWorkflows = true,
}: InstancesTableProps) {
  const navigate = useNavigate();
  const scroller = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [timeFormat] = useTimeFormat();
  const now = useNow(30_000);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  const items = virtualizer.getVirtualItems();
  // A row that scrolls in reuses the DOM nodes of a row that scrolled out.
  const [recycledKeys] = useState(() => new RecycledKeys());
  const keys = recycledKeys.assign(items.map((item) => item.index));
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? -1;

  // Reported once scrolling settles: each report re-renders the whole list page, which would
  // otherwise happen on every frame of a scroll.
  useEffect(() => {
    const timer = setTimeout(() => {
      const ids = rows.slice(firstIndex, lastIndex + 1).map((row) => row.instance.id);
      onVisibleRowsChange?.(ids);
    }, visibleRowsDelayMs);

    return () => clearTimeout(timer);
  }, [firstIndex, lastIndex, onVisibleRowsChange, rows]);

  const openRow = useCallback((id: string) => void navigate(paths.instance(id)), [navigate]);

  // Rows hold plain links: one `useHref` here instead of a router `Link` per cell.
  const root = useHref('/');
  const toHref = useCallback(
    (path: string) => (root === '/' ? path : `${root.replace(/\/$/, '')}${path}`),
    [root],
  );

  // One handler for every row: a link navigates inside the console, any other click opens the
  // row's instance, except on its checkbox and copy button.
  const handleClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const link = target.closest<HTMLAnchorElement>('a[data-to]');
    if (link) {
      if (isModifiedClick(event) || event.defaultPrevented) return;

      event.preventDefault();
      void navigate(link.dataset.to ?? '/');

      return;
    }
    if (target.closest('button, input')) return;

    const id = target.closest<HTMLElement>('[data-instance-id]')?.dataset.instanceId;
    if (id) openRow(id);
  };

  const moveActive = useCallback(
    (index: number) => {
      setActiveIndex(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [virtualizer],
  );

  useListKeyboard({
    count: rows.length,
    activeIndex,
    setActiveIndex: moveActive,
    onOpen: useCallback(
      (index: number) => {
        const row = rows[index];
        if (row) openRow(row.instance.id);
      },
      [openRow, rows],
    ),
    onToggle: useCallback(
      (index: number) => {
        const row = rows[index];
        if (row) onToggle(row.instance.id);
      },
      [onToggle, rows],
    ),
  });

  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.instance.id));
  const someSelected = !allSelected && rows.some((row) => selected.has(row.instance.id));

  return (
    <div
      ref={scroller}
      className={classes.scroller}
      data-testid="instances-scroller"
      role="grid"
      aria-label="Instances"
      aria-rowcount={rows.length + 1}
      aria-multiselectable
      tabIndex={0}
      onClick={handleClick}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={clsx(classes.row, classes.header)}>
          <div role="columnheader" className={classes.cell}>
            <input
              type="checkbox"
              checked={allSelected}
              ref={(input) => {
                if (input) input.indeterminate = someSelected;
              }}
              onChange={onToggleAll}
              aria-label="Select all rows"
            />
          </div>
          {columns.map((column) => (
            <div
              key={column}
              role="columnheader"
              className={clsx(classes.cell, column === 'Duration' && classes.end)}
            >
              {column}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
        {inKeyOrder(items, keys).map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;

          return (
            <InstanceGridRow
              key={keys.get(item.index)}
              row={row}
              rowNumber={item.index + 2}
              top={item.start - headerHeight}
              selected={selected.has(row.instance.id)}
              active={item.index === activeIndex}
              showWorkflow={linkWorkflows}
              timeFormat={timeFormat}
              now={now}
              toHref={toHref}
              onToggle={onToggle}
            />
          );
        })}
      </div>
    </div>
  );
}
