import { memo } from 'react';

import type { Instance } from '@/lib/orchestration/schemas';

import type { StageRow } from '../instance-stages-model';
import { StageDetails } from '../stage-details';
import type { ActivitiesState } from './activities-state';
import classes from './timeline.module.css';
import type { TimeRange } from './timeline-model';
import { TimelineRow } from './timeline-row';

export type TimelineItemProps = {
  /** Index of the virtual item, read back by the virtualizer's `measureElement`. */
  index: number;
  row: StageRow;
  rowCount: number;
  /** Offset of the row from the top of the list, in pixels. */
  top: number;
  /** Height of a collapsed row, in pixels; expanded rows take the height of their content. */
  collapsedHeight: number;
  instance: Instance;
  view: TimeRange;
  now: number;
  expanded: boolean;
  selected: boolean;
  /** Activity selected by the URL, when this row's stage is the selected one. */
  selectedActivity: number | undefined;
  activities: ActivitiesState;
  linkTo: ((stage: number, activity?: number) => string) | undefined;
  /** The virtualizer's `measureElement`, set on expanded rows only. */
  measureElement: (element: Element | null) => void;
  onToggle: (stage: number) => void;
  onSelect: (stage: number) => void;
};

/**
 * One positioned row of the virtualized timeline, with the stage's activities when it is
 * expanded. It is memoized so that a scrolled frame renders only the rows that came into view:
 * the props of a row that stays visible do not change while the list scrolls.
 */
export const TimelineItem = memo(function TimelineItem(props: TimelineItemProps) {
  const { row, expanded, selected, linkTo } = props;

  return (
    <div
      ref={expanded ? props.measureElement : undefined}
      data-index={props.index}
      data-stage={row.index}
      data-state={row.state}
      data-selected={selected || undefined}
      className={classes.row}
      role="listitem"
      aria-posinset={row.index + 1}
      aria-setsize={props.rowCount}
      aria-label={`Stage ${row.index}`}
      style={{
        height: expanded ? undefined : props.collapsedHeight,
        transform: `translateY(${props.top}px)`,
      }}
    >
      <TimelineRow
        row={row}
        instance={props.instance}
        view={props.view}
        now={props.now}
        expanded={expanded}
        selected={selected}
        activities={props.activities}
        link={linkTo?.(row.index)}
        onToggle={props.onToggle}
        onSelect={props.onSelect}
      />
      {expanded && (
        <div className={classes.details}>
          <StageDetails
            row={row}
            activities={props.activities}
            selectedActivity={props.selectedActivity}
            activityLink={linkTo && ((activity) => linkTo(row.index, activity))}
          />
        </div>
      )}
    </div>
  );
});
