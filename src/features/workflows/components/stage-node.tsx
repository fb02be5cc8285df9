import { Text } from '@mantine/core';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';

import { StageKindIcon, stageKindStyle } from '@/components/stage-kind';

import classes from './stage-node.module.css';
import type { StageNode as StageNodeType } from './workflow-graph-model';

// Handles sit at the header's height, so edges between nodes of different heights stay straight.
const handleStyle = { top: 20 };

/** Read-only card for one stage: its number, kind and key fields. */
export const StageNode = memo(function StageNode({ data }: NodeProps<StageNodeType>) {
  const style = stageKindStyle(data.kind);

  return (
    <div
      className={classes.node}
      style={{ ['--stage-color' as string]: `var(--mantine-color-${style.color}-filled)` }}
      aria-label={`Stage ${data.index}: ${style.label}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} style={handleStyle} />
      <div className={classes.header}>
        <StageKindIcon kind={data.kind} size={22} />
        <Text size="sm" fw={600}>
          {style.label}
        </Text>
        <Text size="xs" c="dimmed" ml="auto" ff="monospace">
          #{data.index}
        </Text>
      </div>
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
      <Handle type="source" position={Position.Right} isConnectable={false} style={handleStyle} />
    </div>
  );
});
