import { Badge, Code, Table, Tooltip, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: 'sm',
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, "JetBrains Mono", Menlo, Consolas, "Liberation Mono", monospace',
  cursorType: 'pointer',
  components: {
    Table: Table.extend({
      defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'sm', highlightOnHover: true },
      // Ids, dates and durations line up in columns with tabular figures.
      styles: { table: { fontVariantNumeric: 'tabular-nums' } },
    }),
    Tooltip: Tooltip.extend({ defaultProps: { openDelay: 300, withArrow: true } }),
    Badge: Badge.extend({ defaultProps: { radius: 'sm' } }),
    Code: Code.extend({ styles: { root: { fontVariantNumeric: 'tabular-nums' } } }),
  },
});
