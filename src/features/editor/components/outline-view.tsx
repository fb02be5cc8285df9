import { Badge, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import clsx from 'clsx';
import { memo, useEffect, useRef } from 'react';
import type { Dispatch, KeyboardEvent, MouseEvent } from 'react';

import { stageKindStyle } from '@/components/stage-kind';
import { stageOneLiner } from '@/components/stage-summary';

import { stageConfigOf, stageKindOf } from '../model/document';
import type { EditorStage } from '../model/document';
import type { EditorAction } from '../model/history';
import { nextSelection } from '../model/selection';

import classes from './outline-view.module.css';

const rowHeight = 34;

type OutlineViewProps = {
  stages: readonly EditorStage[];
  selection: readonly string[];
  errorCounts: ReadonlyMap<string, number>;
  dispatch: Dispatch<EditorAction>;
  /** Brings a stage into view on the canvas. */
  onFocusStage: (stageId: string) => void;
};

/**
 * The stages as a keyboard-navigable list box, sharing its selection with the
 * canvas: arrows move, Shift extends, Ctrl/Cmd-click toggles. Rows are
 * virtualised, so 1,000 stages render only the visible rows.
 */
function OutlineViewList({
  stages,
  selection,
  errorCounts,
  dispatch,
  onFocusStage,
}: OutlineViewProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: stages.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // Used until the list is measured (and in tests, where nothing is).
    initialRect: { width: 220, height: 600 },
  });
  const activeId = selection.at(-1);
  const activeIndex = stages.findIndex((stage) => stage.id === activeId);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const select = (index: number, mode: 'replace' | 'extend' | 'toggle') => {
    const stage = stages[index];
    if (!stage) return;

    dispatch({ type: 'select', ids: nextSelection(stages, selection, stage.id, mode) });
    onFocusStage(stage.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = stages.length - 1;
    const from = activeIndex < 0 ? -1 : activeIndex;
    const targets: Record<string, number> = {
      ArrowDown: Math.min(from + 1, last),
      ArrowUp: Math.max(from - 1, 0),
      Home: 0,
      End: last,
    };
    const target = targets[event.key];
    if (target === undefined || event.altKey || last < 0) return;

    event.preventDefault();
    select(target, event.shiftKey ? 'extend' : 'replace');
  };

  const onClick = (event: MouseEvent, index: number) => {
    if (event.shiftKey) {
      select(index, 'extend');
    } else if (event.metaKey || event.ctrlKey) {
      select(index, 'toggle');
    } else {
      select(index, 'replace');
    }
  };

  const selected = new Set(selection);

  return (
    <div
      ref={listRef}
      className={classes.list}
      role="listbox"
      aria-label="Stages outline"
      aria-multiselectable
      aria-activedescendant={activeId ? `outline-${activeId}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {stages.length === 0 && (
        <Text size="sm" c="dimmed" p="sm">
          No stages yet.
        </Text>
      )}
      <div style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const stage = stages[row.index];
          if (!stage) return null;

          const kind = stageKindOf(stage.element) ?? '(empty)';
          const errors = errorCounts.get(stage.id) ?? 0;

          return (
            <div
              key={stage.id}
              id={`outline-${stage.id}`}
              role="option"
              aria-selected={selected.has(stage.id)}
              className={clsx(classes.item, stage.id === activeId && classes.active)}
              style={{ top: row.start, height: row.size }}
              onClick={(event) => onClick(event, row.index)}
            >
              <span className={classes.number}>{row.index + 1}.</span>
              <span>{stageKindStyle(kind).label}</span>
              <span className={classes.summary}>
                {stageOneLiner(kind, stageConfigOf(stage.element))}
              </span>
              {errors > 0 && (
                <Badge
                  color="red"
                  size="xs"
                  circle={errors < 10}
                  ml="auto"
                  style={{ flexShrink: 0 }}
                  aria-label={`${errors} ${errors === 1 ? 'problem' : 'problems'}`}
                >
                  {errors}
                </Badge>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export const OutlineView = memo(OutlineViewList);
