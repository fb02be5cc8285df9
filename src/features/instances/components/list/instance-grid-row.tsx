import clsx from 'clsx';
import { memo } from 'react';

import { PlainStateBadge } from '@/components/state-badge';
import { formatOtherTime, formatTime } from '@/components/time-format';
import type { TimeFormat } from '@/components/time-format';
import { formatDuration, shortId, toEpochMs } from '@/lib/format';
import { getInstanceDuration } from '@/lib/orchestration/instance-state';
import { paths } from '@/lib/paths';

import { CopyLinkButton } from '../timeline/copy-link-button';
import type { InstanceRow } from './instance-rows';
import classes from './instances-grid.module.css';

type InstanceGridRowProps = {
  row: InstanceRow;
  /** 1-based row number among all rows, for `aria-rowindex` (the header is row 1). */
  rowNumber: number;
  top: number;
  selected: boolean;
  active: boolean;
  showWorkflow: boolean;
  timeFormat: TimeFormat;
  now: number;
  /** Turns a console path into an href under the router's basename. */
  toHref: (path: string) => string;
  onToggle: (id: string) => void;
};

function TimeCell({
  value,
  format,
  now,
}: {
  value: string | undefined;
  format: TimeFormat;
  now: number;
}) {
  if (value === undefined) return <span className={classes.dimmed}>—</span>;

  // Start and end dates are never in the future, but `now` ticks every 30 s:
  // a row that ended since the last tick would read "in 10 seconds".
  const reference = Math.max(now, toEpochMs(value) || now);

  return (
    <time dateTime={value} title={formatOtherTime(value, format, reference)}>
      {formatTime(value, format, reference)}
    </time>
  );
}

/**
 * One row of the instances grid. It uses plain elements, no tooltip and no router `Link`, so
 * that scrolling through thousands of rows stays smooth. The grid handles the clicks on its
 * rows and links (`data-to` contains a link's console path).
 */
export const InstanceGridRow = memo(function InstanceGridRow({
  row,
  rowNumber,
  top,
  selected,
  active,
  showWorkflow,
  timeFormat,
  now,
  toHref,
  onToggle,
}: InstanceGridRowProps) {
  const { instance } = row;
  const workflowName = instance.workflow?.config.name || shortId(instance.workflowID);
  const instancePath = paths.instance(instance.id);
  const workflowPath = paths.workflow(instance.workflowID);

  return (
    <div
      role="row"
      aria-rowindex={rowNumber}
      aria-selected={selected}
      data-active={active}
      data-instance-id={instance.id}
      data-state={row.state}
      className={clsx(classes.row, classes.bodyRow)}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" className={classes.cell}>
        <input
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(instance.id)}
          aria-label={`Select instance ${shortId(instance.id)}`}
        />
      </div>
      <div role="gridcell" className={clsx(classes.cell, classes.mono)}>
        <a
          href={toHref(instancePath)}
          data-to={instancePath}
          aria-label={`Instance ${instance.id}`}
        >
          {shortId(instance.id)}
        </a>
        <CopyLinkButton
          url={instance.id}
          label="Copy instance id"
          copiedLabel="Copied"
          className={classes.copyButton}
        />
      </div>
      <div role="gridcell" className={classes.cell}>
        {showWorkflow ? (
          <a href={toHref(workflowPath)} data-to={workflowPath} title={workflowName}>
            {workflowName}
          </a>
        ) : (
          <span title={workflowName}>{workflowName}</span>
        )}
      </div>
      <div role="gridcell" className={classes.cell}>
        <PlainStateBadge state={row.state} />
      </div>
      <div role="gridcell" className={clsx(classes.cell, classes.mono)} title={row.stageLabel}>
        {row.stageLabel}
      </div>
      <div role="gridcell" className={classes.cell}>
        <TimeCell value={instance.createdAt} format={timeFormat} now={now} />
      </div>
      <div role="gridcell" className={classes.cell}>
        <TimeCell value={instance.terminatedAt} format={timeFormat} now={now} />
      </div>
      <div role="gridcell" className={clsx(classes.cell, classes.end)}>
        {formatDuration(getInstanceDuration(instance, now))}
      </div>
      <div role="gridcell" className={clsx(classes.cell, classes.error)} title={instance.error}>
        {instance.error ?? ''}
      </div>
    </div>
  );
});
