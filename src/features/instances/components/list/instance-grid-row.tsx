import clsx from 'clsx';
import { memo } from 'react';
import { Link } from 'react-router';

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
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
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

function stageText(row: InstanceRow): string {
  if (row.currentStage === undefined) return row.stateKnown ? '—' : '…';

  const kind = row.currentStage.kind ?? 'unknown kind';

  return `#${row.currentStage.index} ${kind}`;
}

/**
 * One row of the instances grid. It uses plain elements and no tooltip, so
 * that scrolling through thousands of rows stays smooth.
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
  onToggle,
  onOpen,
}: InstanceGridRowProps) {
  const { instance } = row;
  const workflowName = instance.workflow?.config.name || shortId(instance.workflowID);

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
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a, button, input')) return;
        onOpen(instance.id);
      }}
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
        <Link to={paths.instance(instance.id)} aria-label={`Instance ${instance.id}`}>
          {shortId(instance.id)}
        </Link>
        <CopyLinkButton
          url={instance.id}
          label="Copy instance id"
          copiedLabel="Copied"
          className={classes.copyButton}
        />
      </div>
      <div role="gridcell" className={classes.cell}>
        {showWorkflow ? (
          <Link to={paths.workflow(instance.workflowID)} title={workflowName}>
            {workflowName}
          </Link>
        ) : (
          <span title={workflowName}>{workflowName}</span>
        )}
      </div>
      <div role="gridcell" className={classes.cell}>
        <PlainStateBadge state={row.state} />
      </div>
      <div role="gridcell" className={clsx(classes.cell, classes.mono)}>
        {stageText(row)}
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
