import { ActionIcon, CopyButton, Group, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

import { shortId } from '@/lib/format';

import { LazyTooltip } from './lazy-tooltip';

type CopyIdButtonProps = {
  id: string;
  /** What the id identifies, used in the button's label, e.g. "instance id". @default 'id' */
  label?: string;
};

/** Small button that copies an id to the clipboard. */
export function CopyIdButton({ id, label = 'id' }: CopyIdButtonProps) {
  return (
    <CopyButton value={id} timeout={1500}>
      {({ copied, copy }) => (
        <LazyTooltip label={copied ? 'Copied' : `Copy ${label}`} withinPortal>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            size="sm"
            aria-label={`Copy ${label}`}
            onClick={(event) => {
              // Rows open on click: copying must not open the row.
              event.stopPropagation();
              copy();
            }}
          >
            {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          </ActionIcon>
        </LazyTooltip>
      )}
    </CopyButton>
  );
}

type CopyIdProps = CopyIdButtonProps & {
  /** Shows only the first eight characters, with the full id in a tooltip. @default true */
  short?: boolean;
  size?: 'xs' | 'sm' | 'md';
};

/** An id in monospace with a button that copies the full value. */
export function CopyId({ id, short = true, label = 'id', size = 'sm' }: CopyIdProps) {
  return (
    <Group gap={4} wrap="nowrap" display="inline-flex">
      <LazyTooltip label={id} disabled={!short} withinPortal>
        <Text component="span" ff="monospace" size={size} style={{ whiteSpace: 'nowrap' }}>
          {short ? shortId(id) : id}
        </Text>
      </LazyTooltip>
      <CopyIdButton id={id} label={label} />
    </Group>
  );
}
