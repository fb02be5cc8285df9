import { Panel, useReactFlow, useStore } from '@xyflow/react';
import type { ReactFlowState } from '@xyflow/react';
import { memo, useDeferredValue, useMemo, useRef } from 'react';
import type { PointerEvent } from 'react';

import type { EditorStage } from '../model/document';
import { nodeHeight, nodeWidth } from '../model/grid-layout';
import type { XYPosition } from '../model/grid-layout';

import classes from './stage-node.module.css';

const mapWidth = 168;
const mapHeight = 120;

type StageMiniMapProps = {
  stages: readonly EditorStage[];
  positions: Readonly<Record<string, XYPosition>>;
  selection: readonly string[];
};

const viewportSelector = (state: ReactFlowState) =>
  `${state.transform[0]},${state.transform[1]},${state.transform[2]},${state.width},${state.height}`;

function rectangles(
  ids: Iterable<string>,
  positions: Readonly<Record<string, XYPosition>>,
): string {
  let path = '';
  for (const id of ids) {
    const position = positions[id];
    if (position) path += `M${position.x},${position.y}h${nodeWidth}v${nodeHeight}h${-nodeWidth}z`;
  }

  return path;
}

/**
 * Overview of all stages with the visible area; click or drag in it to move
 * the view. All stages are drawn as one SVG path: React Flow's own minimap
 * keeps a store subscription per node, which made dragging slow with 1,000 stages.
 */
function StageMiniMapView(props: StageMiniMapProps) {
  // Deferred so that redrawing 1,000 rectangles never delays a drag frame.
  const stages = useDeferredValue(props.stages);
  const positions = useDeferredValue(props.positions);
  const selection = useDeferredValue(props.selection);
  const { setCenter, getZoom } = useReactFlow();
  // Before the canvas is measured (and in jsdom) these may be NaN.
  const [x, y, rawZoom, width, height] = useStore(viewportSelector)
    .split(',')
    .map((value) => (Number.isFinite(Number(value)) ? Number(value) : 0));
  const zoom = rawZoom !== undefined && rawZoom > 0 ? rawZoom : 1;
  const svgRef = useRef<SVGSVGElement>(null);

  const { path, bounds } = useMemo(() => {
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const stage of stages) {
      const position = positions[stage.id];
      if (!position) continue;
      minX = Math.min(minX, position.x);
      minY = Math.min(minY, position.y);
      maxX = Math.max(maxX, position.x + nodeWidth);
      maxY = Math.max(maxY, position.y + nodeHeight);
    }

    return {
      path: rectangles(
        stages.map((stage) => stage.id),
        positions,
      ),
      bounds: Number.isFinite(minX)
        ? { minX, minY, maxX, maxY }
        : { minX: 0, minY: 0, maxX: 1, maxY: 1 },
    };
  }, [stages, positions]);
  const selectedPath = useMemo(() => rectangles(selection, positions), [selection, positions]);

  const view = {
    x: -(x ?? 0) / zoom,
    y: -(y ?? 0) / zoom,
    width: (width ?? 0) / zoom,
    height: (height ?? 0) / zoom,
  };
  const left = Math.min(bounds.minX, view.x);
  const top = Math.min(bounds.minY, view.y);
  const right = Math.max(bounds.maxX, view.x + view.width);
  const bottom = Math.max(bounds.maxY, view.y + view.height);
  const padding = Math.max(right - left, bottom - top) * 0.05;
  const viewBox = `${left - padding} ${top - padding} ${right - left + 2 * padding} ${bottom - top + 2 * padding}`;

  const moveTo = (event: PointerEvent<SVGSVGElement>) => {
    const matrix = svgRef.current?.getScreenCTM()?.inverse();
    if (!matrix) return;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
    void setCenter(point.x, point.y, { zoom: getZoom() });
  };

  return (
    <Panel position="bottom-right">
      <svg
        ref={svgRef}
        className={classes.minimap}
        width={mapWidth}
        height={mapHeight}
        viewBox={viewBox}
        role="img"
        aria-label="Minimap of the workflow: click or drag to move the view"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons === 1) moveTo(event);
        }}
      >
        <rect {...view} className={classes.minimapView} vectorEffect="non-scaling-stroke" />
        <path d={path} className={classes.minimapNodes} />
        <path d={selectedPath} className={classes.minimapSelected} />
      </svg>
    </Panel>
  );
}

export const StageMiniMap = memo(StageMiniMapView);
