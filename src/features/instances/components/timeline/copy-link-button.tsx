import { ActionIcon, CopyButton } from '@mantine/core';
import { IconCheck, IconLink } from '@tabler/icons-react';

type CopyLinkButtonProps = {
  /** Absolute URL to copy. */
  url: string;
  /** Accessible name, e.g. "Copy link to stage 2". */
  label: string;
};

/**
 * Small button that copies a deep link to the clipboard. It uses a `title`
 * instead of a Mantine Tooltip because every timeline row renders one.
 */
export function CopyLinkButton({ url, label }: CopyLinkButtonProps) {
  return (
    <CopyButton value={url} timeout={1500}>
      {({ copied, copy }) => (
        <ActionIcon
          variant="subtle"
          color={copied ? 'teal' : 'gray'}
          size="sm"
          aria-label={label}
          title={copied ? 'Link copied' : label}
          data-url={url}
          onClick={copy}
        >
          {copied ? <IconCheck size={14} /> : <IconLink size={14} />}
        </ActionIcon>
      )}
    </CopyButton>
  );
}
