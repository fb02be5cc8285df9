import { IconCheck, IconLink } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

import classes from './timeline.module.css';

const copiedFeedbackMs = 1500;

type CopyLinkButtonProps = {
  /** Absolute URL to copy. */
  url: string;
  /** Accessible name, e.g. "Copy link to stage 2". */
  label: string;
  /** Title shown for 1.5 s after a copy. @default 'Link copied' */
  copiedLabel?: string;
  className?: string;
};

/**
 * Small button that copies a deep link to the clipboard. Every timeline row renders one, so it
 * is a plain button with a `title` instead of Mantine's `CopyButton`, `ActionIcon` and
 * `Tooltip`, which cost several components per row while the timeline scrolls.
 */
export function CopyLinkButton({
  url,
  label,
  copiedLabel = 'Link copied',
  className,
}: CopyLinkButtonProps) {
  // The copied URL rather than a flag: a recycled timeline row shows another stage's URL.
  const [copiedUrl, setCopiedUrl] = useState<string | undefined>(undefined);
  const copied = copiedUrl === url;

  useEffect(() => {
    if (copiedUrl === undefined) return;

    const timer = window.setTimeout(() => setCopiedUrl(undefined), copiedFeedbackMs);

    return () => window.clearTimeout(timer);
  }, [copiedUrl]);

  const copy = () => {
    void navigator.clipboard?.writeText(url).then(() => setCopiedUrl(url));
  };

  return (
    <button
      type="button"
      className={className ? `${classes.iconButton} ${className}` : classes.iconButton}
      aria-label={label}
      title={copied ? copiedLabel : label}
      data-url={url}
      data-copied={copied || undefined}
      onClick={copy}
    >
      {copied ? <IconCheck size={14} /> : <IconLink size={14} />}
    </button>
  );
}
