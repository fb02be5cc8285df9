import { createTheme } from '@mantine/core';
import type { BadgeProps, TableProps, TooltipProps } from '@mantine/core';

import { tooltipOpenDelay } from '@/components/lazy-tooltip';

// The components get plain objects, not `Table.extend(...)`, because referencing Table and
// Tooltip here would put them and floating-ui in the entry chunk that every page loads.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: 'sm',
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, "JetBrains Mono", Menlo, Consolas, "Liberation Mono", monospace',
  cursorType: 'pointer',
  components: {
    Table: {
      defaultProps: {
        verticalSpacing: 'xs',
        horizontalSpacing: 'sm',
        highlightOnHover: true,
      } satisfies Partial<TableProps>,
      // Ids, dates and durations line up in columns with tabular figures.
      styles: { table: { fontVariantNumeric: 'tabular-nums' } },
    },
    Tooltip: {
      defaultProps: {
        openDelay: tooltipOpenDelay,
        withArrow: true,
      } satisfies Partial<TooltipProps>,
    },
    Badge: { defaultProps: { radius: 'sm' } satisfies Partial<BadgeProps> },
    Code: { styles: { root: { fontVariantNumeric: 'tabular-nums' } } },
  },
});
