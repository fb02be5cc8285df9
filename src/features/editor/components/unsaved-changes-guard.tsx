import { Button, Group, Modal, Text } from '@mantine/core';
import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import type { BlockerFunction } from 'react-router';

/**
 * Blocks in-app navigation while there are unsaved changes, with a dialog to
 * stay or leave, and makes the browser confirm closing or reloading the tab.
 * `allowNextNavigation` lets one navigation through, e.g. after saving.
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const allowRef = useRef(false);

  const shouldBlock = useCallback<BlockerFunction>(({ currentLocation, nextLocation }) => {
    // Stays allowed until unmount: the editor leaves the page after saving.
    return (
      !allowRef.current && dirtyRef.current && currentLocation.pathname !== nextLocation.pathname
    );
  }, []);
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (!dirty) return;

    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);

    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const allowNextNavigation = useCallback(() => {
    allowRef.current = true;
  }, []);

  return { blocker, allowNextNavigation };
}

type LeaveDialogProps = { blocker: ReturnType<typeof useBlocker> };

export function LeaveDialog({ blocker }: LeaveDialogProps) {
  const blocked = blocker.state === 'blocked';

  return (
    <Modal opened={blocked} onClose={() => blocker.reset?.()} title="Leave the editor?">
      <Text size="sm" mb="md">
        Your changes are not saved. They stay in a draft in this browser, which the editor offers to
        restore when you come back.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()}>
          Stay
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          Leave
        </Button>
      </Group>
    </Modal>
  );
}
