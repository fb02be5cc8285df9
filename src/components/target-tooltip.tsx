import { Tooltip } from '@mantine/core';
import type { TooltipProps } from '@mantine/core';

export type TargetTooltipProps = Omit<TooltipProps, 'children'> & { target: HTMLElement };

/**
 * Mantine's Tooltip attached to an element that is already rendered, so that
 * mounting it does not re-create the element. `LazyTooltip` loads this module.
 */
export function TargetTooltip(props: TargetTooltipProps) {
  return <Tooltip {...props} />;
}
