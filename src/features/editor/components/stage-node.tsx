import { Badge } from '@mantine/core';
import { Handle, Position, useStore } from '@xyflow/react';
import type { NodeProps, ReactFlowState } from '@xyflow/react';
import clsx from 'clsx';
import { memo } from 'react';

import { stageKindStyle, StageKindIcon } from '@/components/stage-kind';
import { stageOneLiner } from '@/components/stage-summary';

import { stageConfigOf } from '../model/document';
import type { StageNode } from '../model/graph';

import { detailZoom } from './stage-edge';
import classes from './stage-node.module.css';

const zoomedOut = (state: ReactFlowState) => state.transform[2] < detailZoom;

function StageNodeView({ data, selected }: NodeProps<StageNode>) {
  // Zoomed out, text is unreadable: a lighter node keeps 1,000 visible stages fast.
  const compact = useStore(zoomedOut);
  const style = stageKindStyle(data.kind);
  const className = clsx(
    classes.node,
    selected && classes.selected,
    data.errorCount > 0 && classes.invalid,
    compact && classes.compact,
  );
  const handles = (
    <>
      {/* Stages are linked by their order only: the handles are anchors, not connectable. */}
      <Handle
        type="target"
        position={Position.Top}
        isConnectable={false}
        className={classes.handle}
      />
      <Handle
        type="source"
        position={Position.Bottom}
        isConnectable={false}
        className={classes.handle}
      />
    </>
  );

  if (compact) {
    return (
      <div
        className={className}
        style={{ borderLeft: `8px solid var(--mantine-color-${style.color}-filled)` }}
      >
        {handles}
        {data.index + 1}
      </div>
    );
  }

  const summary = stageOneLiner(data.kind, stageConfigOf(data.element));

  return (
    <div className={className}>
      {handles}
      <StageKindIcon kind={data.kind} size={30} />
      <div className={classes.body}>
        <div className={classes.title}>
          <span className={classes.number}>{data.index + 1}</span>
          <span>{style.label}</span>
        </div>
        <div className={classes.summary} title={summary}>
          {summary || 'No settings'}
        </div>
      </div>
      {data.errorCount > 0 && (
        <Badge
          className={classes.errors}
          color="red"
          size="sm"
          circle={data.errorCount < 10}
          aria-label={`${data.errorCount} ${data.errorCount === 1 ? 'problem' : 'problems'}`}
        >
          {data.errorCount}
        </Badge>
      )}
    </div>
  );
}

export const StageNodeComponent = memo(StageNodeView);
