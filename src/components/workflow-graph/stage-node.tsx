import { Text } from '@mantine/core';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { StageKindIcon, stageKindStyle } from '@/components/stage-kind';
import { StateBadge, stateLabel } from '@/components/state-badge';

import classes from './stage-node.module.css';
import type { StageNode as StageNodeType } from './workflow-graph-model';

// Handles sit at the header's height, so edges between nodes of different heights stay straight.
const handleStyle = { top: 20 };

/** Read-only card for one stage: its number, kind, key fields and, on an instance, its state. */
export const StageNode = memo(function StageNode({ data, selected }: NodeProps<StageNodeType>) {
  const style = stageKindStyle(data.kind);
  const stateText = data.state ? `, ${stateLabel(data.state)}` : '';

  return (
    <div
      className={classes.node}
      style={{ ['--stage-color' as string]: `var(--mantine-color-${style.color}-filled)` }}
      data-current={data.current || undefined}
      data-selected={selected || undefined}
      data-state={data.state}
      aria-label={`Stage ${data.index}: ${style.label}${stateText}`}
    >
      <Handle
        type="target"
        position={data.vertical ? Position.Top : Position.Left}
        isConnectable={false}
        style={data.vertical ? undefined : handleStyle}
      />
      <div className={classes.header}>
        <StageKindIcon kind={data.kind} size={22} />
        <Text size="sm" fw={600}>
          {style.label}
        </Text>
        <Text size="xs" c="dimmed" ml="auto" ff="monospace">
          #{data.index}
        </Text>
      </div>
      {data.state && (
        <div className={classes.state}>
          <StateBadge state={data.state} size="xs" />
        </div>
      )}
      {data.fields.length > 0 ? (
        <div className={classes.body}>
          {data.fields.map((field) => (
            <div key={field.label} style={{ display: 'contents' }}>
              <span className={classes.label}>{field.label}</span>
              <span className={classes.value} title={field.value}>
                {field.value}
              </span>
            </div>
          ))}
        </div>
      ) : (
        <Text size="xs" c="dimmed" px={10} py={8}>
          No settings
        </Text>
      )}
      <Handle
        type="source"
        position={data.vertical ? Position.Bottom : Position.Right}
        isConnectable={false}
        style={data.vertical ? undefined : handleStyle}
      />
    </div>
  );
});
