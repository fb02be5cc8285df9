import { Button, Tooltip } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

import { useWriteAccess } from '@/lib/connection/connection-context';

type WriteButtonProps = ButtonProps & {
  onClick?: () => void;
  type?: 'button' | 'submit';
  children: ReactNode;
  /** Another reason to disable the button, shown the same way. */
  disabledReason?: string;
};

/**
 * Button of a mutating action: disabled, with the reason in a tooltip, when
 * the connection is read-only or `disabledReason` is set.
 */
export function WriteButton({ disabledReason, disabled, ...props }: WriteButtonProps) {
  const access = useWriteAccess();
  const reason = access.allowed ? disabledReason : access.reason;

  return (
    <Tooltip label={reason} disabled={reason === undefined} withinPortal>
      {/* A disabled button receives no pointer events, so the tooltip listens on a wrapper. */}
      <span style={{ display: 'inline-block' }}>
        <Button
          {...props}
          type={props.type ?? 'button'}
          disabled={disabled || reason !== undefined}
          aria-description={reason}
        />
      </span>
    </Tooltip>
  );
}
