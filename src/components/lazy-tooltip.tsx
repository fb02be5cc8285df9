import type { TooltipProps } from '@mantine/core';
import { cloneElement, useEffect, useRef, useState } from 'react';
import type { ComponentType, PointerEvent, ReactElement } from 'react';

import type { TargetTooltipProps } from './target-tooltip';

/** Hover time in ms before a tooltip opens; the theme sets the same `openDelay` on Tooltip. */
export const tooltipOpenDelay = 300;

let loadedTooltip: ComponentType<TargetTooltipProps> | undefined;

function loadTooltip(): Promise<ComponentType<TargetTooltipProps>> {
  return import('./target-tooltip').then((module) => (loadedTooltip = module.TargetTooltip));
}

type PointerHandler = (event: PointerEvent<HTMLElement>) => void;
type ChildProps = { onPointerEnter?: PointerHandler; onPointerLeave?: PointerHandler };

export type LazyTooltipProps = Omit<TooltipProps, 'children' | 'target' | 'defaultOpened'> & {
  /** One element that accepts pointer handlers, as Mantine's Tooltip requires. */
  children: ReactElement<ChildProps>;
};

/**
 * Mantine's Tooltip, loaded when the mouse first rests on the element. The
 * header shows tooltips, and importing Tooltip there would put it and
 * floating-ui (about 18 KB gzip together) in the entry chunk that every page
 * loads. Once loaded, the tooltip attaches to the element with Tooltip's
 * `target`, so the element itself is never re-created.
 */
export function LazyTooltip({ children, ...tooltipProps }: LazyTooltipProps) {
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const hovered = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const child = cloneElement(children, {
    onPointerEnter: (event: PointerEvent<HTMLElement>) => {
      children.props.onPointerEnter?.(event);
      if (target || tooltipProps.disabled || event.pointerType !== 'mouse') return;

      const element = event.currentTarget;
      const loading = loadTooltip();
      hovered.current = true;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        loading.then(
          () => hovered.current && setTarget(element),
          // Without its chunk (e.g. offline) the element simply shows no tooltip.
          () => undefined,
        );
      }, tooltipProps.openDelay ?? tooltipOpenDelay);
    },
    onPointerLeave: (event: PointerEvent<HTMLElement>) => {
      children.props.onPointerLeave?.(event);
      hovered.current = false;
      window.clearTimeout(timer.current);
    },
  });
  const Tooltip = target ? loadedTooltip : undefined;

  return (
    <>
      {child}
      {Tooltip && target && <Tooltip {...tooltipProps} target={target} defaultOpened />}
    </>
  );
}
