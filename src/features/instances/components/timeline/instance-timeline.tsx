import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { useNow } from '@/hooks/use-now';
import type { Instance } from '@/lib/orchestration/schemas';

import type { StageRow } from '../instance-stages-model';
import { idleActivities } from './activities-state';
import type { ActivitiesState } from './activities-state';
import classes from './timeline.module.css';
import { TimelineAxis } from './timeline-axis';
import {
  focusRange,
  fullRange,
  rowEnd,
  rowStart,
  timelineMinWidth,
  zoomRange,
} from './timeline-model';
import type { TimeRange, TimelineSelection } from './timeline-model';
import { inKeyOrder, RecycledKeys } from './recycled-keys';
import { TimelineItem } from './timeline-item';
import { TimelineToolbar } from './timeline-toolbar';

const headerHeight = 36;
// Height of a collapsed row (56 px and a 1 px border). Collapsed rows have this fixed height, so
// only expanded rows are measured: measuring forces a layout per row while scrolling.
const rowHeight = 57;
const expandedEstimate = 480;
const maxScrollerHeight = 640;
// Waits this long after scrolling stops before asking for the visible rows' activities.
const visibleRangeDelayMs = 120;

export type InstanceTimelineProps = {
  instance: Instance;
  rows: StageRow[];
  /** Activities per stage number; stages without an entry show as loading. */
  activities: ReadonlyMap<number, ActivitiesState>;
  selection: TimelineSelection;
  onSelectStage: (stage: number) => void;
  /** Reports the stages that need their activities: the visible rows and the expanded ones. */
  onNeededStagesChange?: (stages: number[]) => void;
  /** Builds the absolute URL of a stage or an activity; no copy-link buttons without it. */
  linkTo?: (stage: number, activity?: number) => string;
};

/**
 * Gantt-style timeline of an instance: one row per stage with its bar on a
 * shared time axis, virtualized so that thousands of stages stay fast.
 */
export function InstanceTimeline(props: InstanceTimelineProps) {
  const { instance, rows, activities, selection, onSelectStage, onNeededStagesChange, linkTo } =
    props;
  const running = !instance.terminated;
  const now = useNow(running ? 1_000 : 60_000);
  const full = useMemo(() => fullRange(instance, rows, now), [instance, rows, now]);
  // `undefined` follows the full range, which grows while the instance runs.
  const [zoom, setZoom] = useState<TimeRange | undefined>(undefined);
  const view = zoom ?? full;
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(
    () => new Set(selection.stage === undefined ? [] : [selection.stage]),
  );
  const scrollerRef = useRef<HTMLDivElement>(null);

  // Only places an expanded row until it renders: its measured height then replaces the estimate.
  const estimateSize = useCallback(
    (index: number) => (expanded.has(index) ? expandedEstimate : rowHeight),
    [expanded],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    overscan: 6,
    scrollMargin: headerHeight,
  });
  const items = virtualizer.getVirtualItems();
  const [recycledKeys] = useState(() => new RecycledKeys());
  const keys = recycledKeys.assign(items.map((item) => item.index));

  const toggle = useCallback((stage: number) => {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(stage)) next.add(stage);

      return next;
    });
  }, []);

  useScrollToSelection(virtualizer, selection, rows.length, expanded, toggle);
  useScrollToActivity(scrollerRef, selection, activities);
  useReportNeededStages(items, expanded, onNeededStagesChange);

  // Stable callbacks let the memoized toolbar skip the renders of scrolled frames.
  const zoomToStage = useCallback(() => {
    const row = selection.stage === undefined ? undefined : rows[selection.stage];
    const start = row ? rowStart(row) : undefined;
    const end = row ? rowEnd(row, instance, now) : undefined;

    if (start !== undefined && end !== undefined) setZoom(focusRange(start, end, full));
  }, [selection.stage, rows, instance, now, full]);
  const zoomBy = useCallback(
    (factor: number) => setZoom(zoomRange(view, full, factor)),
    [view, full],
  );
  const fit = useCallback(() => setZoom(undefined), []);

  const totalHeight = virtualizer.getTotalSize();
  const height = Math.min(maxScrollerHeight, headerHeight + totalHeight + 2);

  return (
    <div>
      <TimelineToolbar
        view={view}
        full={full}
        zoomed={zoom !== undefined}
        canZoomToStage={
          selection.stage !== undefined && rows[selection.stage]?.startedAt !== undefined
        }
        onZoom={zoomBy}
        onFit={fit}
        onZoomToStage={zoomToStage}
      />
      <div
        ref={scrollerRef}
        className={classes.scroller}
        style={{ height }}
        data-testid="timeline-scroller"
        role="region"
        aria-label="Stage timeline"
        // A scrollable region must be reachable by keyboard.
        tabIndex={0}
      >
        <TimelineAxis view={view} origin={full.start} now={running ? now : undefined} />
        <div
          role="list"
          aria-label="Stages"
          style={{ height: totalHeight, position: 'relative', minWidth: timelineMinWidth }}
        >
          {inKeyOrder(items, keys).map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;

            const selected = selection.stage === row.index;

            return (
              <TimelineItem
                key={keys.get(item.index)}
                index={item.index}
                row={row}
                rowCount={rows.length}
                top={item.start - headerHeight}
                collapsedHeight={rowHeight}
                instance={instance}
                view={view}
                now={now}
                expanded={expanded.has(row.index)}
                selected={selected}
                selectedActivity={selected ? selection.activity : undefined}
                activities={activities.get(row.index) ?? idleActivities}
                linkTo={linkTo}
                measureElement={virtualizer.measureElement}
                onToggle={toggle}
                onSelect={onSelectStage}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

type Virtualizer = ReturnType<typeof useVirtualizer<HTMLDivElement, Element>>;

/** Scrolls the selected stage into view and expands a deep-linked activity's stage. */
function useScrollToSelection(
  virtualizer: Virtualizer,
  selection: TimelineSelection,
  count: number,
  expanded: ReadonlySet<number>,
  toggle: (stage: number) => void,
) {
  const { stage, activity } = selection;

  useEffect(() => {
    if (stage === undefined || stage >= count) return;

    virtualizer.scrollToIndex(stage, { align: 'start' });
    // The effect runs when the selection changes, not when the virtualizer re-renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stage, count]);

  useEffect(() => {
    if (stage !== undefined && activity !== undefined && !expanded.has(stage)) toggle(stage);
    // Expanding is a one-off for a new deep link; the user may collapse the stage afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stage, activity]);
}

/** Scrolls a deep-linked activity into view once its stage's activities have loaded. */
function useScrollToActivity(
  scrollerRef: React.RefObject<HTMLDivElement | null>,
  selection: TimelineSelection,
  activities: ReadonlyMap<number, ActivitiesState>,
) {
  const done = useRef<string | undefined>(undefined);
  const { stage, activity } = selection;
  const loaded = stage !== undefined && activities.get(stage)?.status === 'success';

  useEffect(() => {
    const key = `${stage}:${activity}`;
    if (!loaded || activity === undefined || done.current === key) return;

    // The expanded row renders its activities on the next frame.
    const frame = requestAnimationFrame(() => {
      const element = scrollerRef.current?.querySelector(
        `[data-stage="${stage}"] [data-activity="${activity}"]`,
      );
      if (!element) return;

      // Scrolls only vertically, the timeline and then the page: scrollIntoView would also
      // move the timeline's columns sideways.
      const scroller = scrollerRef.current;
      if (scroller) {
        const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
        scroller.scrollTop += offset - scroller.clientHeight / 3;
      }
      const top = element.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight * 0.7)
        window.scrollBy(0, top - window.innerHeight / 3);
      done.current = key;
    });

    return () => cancelAnimationFrame(frame);
  }, [scrollerRef, stage, activity, loaded]);
}

/** Calls `report` with the visible and expanded stages, once scrolling settles. */
function useReportNeededStages(
  items: ReadonlyArray<{ index: number }>,
  expanded: ReadonlySet<number>,
  report: ((stages: number[]) => void) | undefined,
) {
  const needed = [...new Set([...items.map((item) => item.index), ...expanded])].sort(
    (a, b) => a - b,
  );
  const key = needed.join(',');

  useEffect(() => {
    if (!report) return;

    const timer = window.setTimeout(() => {
      report(key === '' ? [] : key.split(',').map(Number));
    }, visibleRangeDelayMs);

    return () => window.clearTimeout(timer);
  }, [key, report]);
}
