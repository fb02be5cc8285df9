import { SegmentedControl, VisuallyHidden, useMantineColorScheme } from '@mantine/core';
import type { MantineColorScheme } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import type { ReactNode } from 'react';

import { LazyTooltip } from './lazy-tooltip';

const options: Array<{ value: MantineColorScheme; label: string; icon: ReactNode }> = [
  { value: 'light', label: 'Light', icon: <IconSun size={14} /> },
  { value: 'dark', label: 'Dark', icon: <IconMoon size={14} /> },
  { value: 'auto', label: 'System', icon: <IconDeviceDesktop size={14} /> },
];

/** Light / dark / system colour scheme switch; Mantine's manager persists the choice. */
export function ThemeSwitch() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();

  return (
    <SegmentedControl
      size="xs"
      aria-label="Colour scheme"
      value={colorScheme}
      onChange={(value) => setColorScheme(value as MantineColorScheme)}
      data={options.map((option) => ({
        value: option.value,
        label: (
          <LazyTooltip label={`${option.label} theme`} withinPortal>
            <span style={{ display: 'flex', alignItems: 'center' }}>
              {option.icon}
              <VisuallyHidden>{option.label}</VisuallyHidden>
            </span>
          </LazyTooltip>
        ),
      }))}
    />
  );
}
