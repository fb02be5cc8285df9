import classes from './timeline.module.css';
import { timelineMinWidth } from './timeline-model';
import { axisTicks, positionOf } from './timeline-model';
import type { TimeRange } from './timeline-model';

type TimelineAxisProps = {
  view: TimeRange;
  /** Time the tick labels count from: the instance's start. */
  origin: number;
  /** Current time, drawn as a line while the instance runs. */
  now?: number;
};

/** Sticky header of the timeline: column titles and the ticks of the time axis. */
export function TimelineAxis({ view, origin, now }: TimelineAxisProps) {
  const ticks = axisTicks(view, origin);
  const nowAt = now === undefined ? undefined : positionOf(now, view);

  return (
    <div
      className={`${classes.grid} ${classes.header}`}
      style={{ minWidth: timelineMinWidth }}
      aria-hidden
    >
      <span />
      <span>#</span>
      <span>Kind</span>
      <span>Input</span>
      <span>Started / ended</span>
      <span style={{ textAlign: 'right' }}>Duration</span>
      <span>Status</span>
      <div className={classes.axis}>
        {ticks.map((tick) => (
          <span
            key={tick.label}
            className={classes.tick}
            style={{ left: `${tick.fraction * 100}%` }}
          >
            {tick.fraction < 0.92 ? tick.label : ''}
          </span>
        ))}
        {nowAt !== undefined && (
          <div className={classes.now} style={{ left: `${nowAt * 100}%` }} title="Now" />
        )}
      </div>
      <span />
    </div>
  );
}
