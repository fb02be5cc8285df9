import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';

import { formatDateTime } from '@/lib/format';

type DraftPromptProps = {
  savedAt: string;
  onRestore: () => void;
  onDiscard: () => void;
};

/** Offers to restore the unsaved changes kept in this browser. */
export function DraftPrompt({ savedAt, onRestore, onDiscard }: DraftPromptProps) {
  return (
    <Alert color="blue" variant="light" p="xs" icon={<IconDeviceFloppy size={18} />} role="status">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          Unsaved changes from {formatDateTime(savedAt)} were kept in this browser.
        </Text>
        <Group gap="xs">
          <Button size="compact-sm" onClick={onRestore}>
            Restore
          </Button>
          <Button size="compact-sm" variant="default" onClick={onDiscard}>
            Discard
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
