import { Button, Group, Modal, Text } from '@mantine/core';
import type { useBlocker } from 'react-router';

type LeaveDialogProps = { blocker: ReturnType<typeof useBlocker> };

/** Asks whether to leave the editor with unsaved changes when `blocker` stopped a navigation. */
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
