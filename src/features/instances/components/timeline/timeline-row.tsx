import { Badge } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { memo } from 'react';
import type { MouseEvent } from 'react';

import { stageKindStyle } from '@/components/stage-kind';
import { stageOneLiner } from '@/components/stage-summary';
import { PlainStateBadge } from '@/components/state-badge';
import type { DisplayState } from '@/components/state-badge';
import { formatDateTime, formatDuration } from '@/lib/format';
import type { Instance } from '@/lib/orchestration/schemas';

import type { StageRow } from '../instance-stages-model';
import type { ActivitiesState } from './activities-state';
import { retryingActivity } from './activities-state';
import { CopyLinkButton } from './copy-link-button';
import classes from './timeline.module.css';
import { barGeometry, positionOf, rowEnd, rowStart } from './timeline-model';
import type { TimeRange } from './timeline-model';

const barColors: Record<DisplayState, string> = {
  pending: 'gray',
  running: 'blue',
  waiting: 'yellow',
  succeeded: 'teal',
  failed: 'red',
  canceled: 'orange',
  skipped: 'gray',
};

const clockFormat = new Intl.DateTimeFormat('en-US', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});

function ClockTime({ time }: { time: number | undefined }) {
  if (time === undefined) return <>—</>;

  return (
    <time dateTime={new Date(time).toISOString()} title={formatDateTime(new Date(time))}>
      {clockFormat.format(time)}
    </time>
  );
}

export type TimelineRowProps = {
  row: StageRow;
  instance: Instance;
  view: TimeRange;
  now: number;
  expanded: boolean;
  selected: boolean;
  activities: ActivitiesState;
  /** Absolute URL of this stage, for its copy-link button; no button without it. */
  link?: string;
  onToggle: (stage: number) => void;
  onSelect: (stage: number) => void;
};

/** One stage of the timeline: kind, resolved input, times, status and its bar on the shared axis. */
export const TimelineRow = memo(function TimelineRow(props: TimelineRowProps) {
  const { row, instance, view, now, expanded, selected, activities, link } = props;
  const start = rowStart(row);
  const end = rowEnd(row, instance, now);
  const open = start !== undefined && row.terminatedAt === undefined && !instance.terminated;
  const bar = start !== undefined && end !== undefined ? barGeometry(start, end, view) : undefined;
  const nowAt = open ? positionOf(now, view) : undefined;
  const duration = start !== undefined && end !== undefined ? end - start : undefined;
  const retrying = activities.status === 'success' ? retryingActivity(activities.data) : undefined;
  const color = barColors[row.state];

  const select = (event: MouseEvent) => {
    // Text selection inside the row should not change the selected stage.
    if (window.getSelection()?.toString()) return;
    if ((event.target as HTMLElement).closest('button, a')) return;
    props.onSelect(row.index);
  };

  return (
    <div className={`${classes.grid} ${classes.summary}`} onClick={select}>
      <button
        type="button"
        className={classes.iconButton}
        aria-expanded={expanded}
        aria-label={`${expanded ? 'Hide' : 'Show'} activities of stage ${row.index}`}
        onClick={() => props.onToggle(row.index)}
      >
        {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
      </button>
      <span className={classes.index} data-selected={selected || undefined}>
        {row.index}
      </span>
      <div className={`${classes.cell} ${classes.kind}`}>
        {/* Icon and plain text: Mantine's light yellow badge (wait_event) fails WCAG AA contrast. */}
        <KindIcon kind={row.kind} />
        <span className={classes.kindLabel}>{stageKindStyle(row.kind).label}</span>
      </div>
      <div className={classes.input}>
        <StageInput row={row} />
        {retrying ? (
          <Badge size="xs" color="dark" variant="outline" mt={2}>
            retrying {retrying.name}, attempt {retrying.attempt}
          </Badge>
        ) : (
          row.error && (
            <span
              className={`${classes.errorLine} ${classes.errorText} ${classes.oneLine}`}
              title={row.error}
            >
              {row.error}
            </span>
          )
        )}
      </div>
      <div className={classes.cell}>
        <div>
          <ClockTime time={start} />
        </div>
        <div>
          <ClockTime time={row.terminatedAt === undefined ? undefined : end} />
        </div>
      </div>
      <div className={classes.cell} style={{ textAlign: 'right' }}>
        {duration === undefined ? '—' : formatDuration(duration)}
      </div>
      <div>
        <PlainStateBadge state={row.state} />
      </div>
      <div className={classes.track} aria-hidden>
        {bar && (
          <div
            className={classes.bar}
            title={`Stage ${row.index}: ${duration === undefined ? '' : formatDuration(duration)}`}
            data-open={open || undefined}
            data-clipped-start={bar.clippedStart || undefined}
            data-clipped-end={bar.clippedEnd || undefined}
            style={{
              left: `${bar.left * 100}%`,
              width: `${bar.width * 100}%`,
              ['--bar-color' as string]: `var(--mantine-color-${color}-filled)`,
            }}
          />
        )}
        {nowAt !== undefined && <div className={classes.now} style={{ left: `${nowAt * 100}%` }} />}
      </div>
      <div>{link && <CopyLinkButton url={link} label={`Copy link to stage ${row.index}`} />}</div>
    </div>
  );
});

function StageInput({ row }: { row: StageRow }) {
  // Before a stage starts only its config, with `${name}` placeholders, is known.
  const resolved = row.input !== undefined;
  const summary = stageOneLiner(row.kind, resolved ? (row.input ?? {}) : row.config);

  if (summary === '') return <span className={classes.dimmed}>—</span>;

  return (
    <code
      className={`${classes.code} ${classes.oneLine}`}
      data-unresolved={resolved ? undefined : true}
      title={`${resolved ? 'Resolved input' : 'Config (not resolved yet)'}: ${summary}`}
    >
      {summary}
    </code>
  );
}

/** Stage kind icon in the look of `StageKindIcon` (a light `ThemeIcon`), without a component. */
function KindIcon({ kind }: { kind: string }) {
  const style = stageKindStyle(kind);
  const Icon = style.icon;

  return (
    <span
      className={classes.kindIcon}
      style={{
        background: `var(--mantine-color-${style.color}-light)`,
        color: `var(--mantine-color-${style.color}-light-color)`,
      }}
      aria-hidden
    >
      <Icon size={12} />
    </span>
  );
}
