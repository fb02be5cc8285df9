import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useOs } from '@mantine/hooks';

import { shortcutList } from './shortcuts';

type ShortcutsHelpProps = { opened: boolean; onClose: () => void };

export function ShortcutsHelp({ opened, onClose }: ShortcutsHelpProps) {
  const os = useOs();
  const modKey = os === 'macos' || os === 'ios' ? '⌘' : 'Ctrl';

  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      <Text size="sm" c="dimmed" mb="sm">
        Shortcuts work when the focus is on the canvas or the outline, not while typing in a field.
        Drag a stage onto another one to take its place in the order.
      </Text>
      <Table verticalSpacing={6}>
        <Table.Tbody>
          {shortcutList.map((shortcut) => (
            <Table.Tr key={shortcut.description}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={4} wrap="nowrap">
                  {shortcut.keys.map((key) => (
                    <Kbd key={key}>{key === 'mod' ? modKey : key}</Kbd>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{shortcut.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
