import { BaseEdge, getSmoothStepPath, useStore } from '@xyflow/react';
import type { EdgeProps, ReactFlowState } from '@xyflow/react';
import { memo } from 'react';

import type { StageEdge } from '../model/graph';

import { useEditorCommands } from './editor-commands';
import classes from './stage-node.module.css';

/** Below this zoom the insert buttons are hidden: too small to hit, and costly by the thousand. */
export const detailZoom = 0.45;
const buttonSize = 20;

const zoomedOut = (state: ReactFlowState) => state.transform[2] < detailZoom;

/**
 * Edge between two consecutive stages, with a "+" button that inserts a stage
 * between them. The button sits in an SVG `foreignObject` rather than an
 * `EdgeLabelRenderer` portal, whose per-edge store selector queries the DOM on
 * every canvas update and made dragging slow with 1,000 edges.
 */
function StageEdgeView(props: EdgeProps<StageEdge>) {
  const { openInsertMenu } = useEditorCommands();
  const hideButton = useStore(zoomedOut);
  const [path, labelX, labelY] = getSmoothStepPath(props);
  const insertIndex = props.data?.insertIndex ?? 0;

  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} style={props.style} />
      {!hideButton && (
        <foreignObject
          x={labelX - buttonSize / 2}
          y={labelY - buttonSize / 2}
          width={buttonSize}
          height={buttonSize}
          className="nodrag nopan"
          style={{ overflow: 'visible' }}
        >
          <button
            type="button"
            className={classes.insertButton}
            aria-label={`Insert a stage between stages ${insertIndex} and ${insertIndex + 1}`}
            aria-haspopup="menu"
            onClick={(event) => openInsertMenu(insertIndex, event.currentTarget)}
          >
            +
          </button>
        </foreignObject>
      )}
    </>
  );
}

export const StageEdgeComponent = memo(StageEdgeView);
