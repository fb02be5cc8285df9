import { Menu } from '@mantine/core';

import { stageKindStyle, StageKindIcon } from '@/components/stage-kind';
import { stageKinds } from '@/lib/orchestration/schemas';
import type { StageKind } from '@/lib/orchestration/schemas';

/** Anchor of the insert menu: the stage index to insert at and the button that opened it. */
export type InsertMenuTarget = { index: number; rect: DOMRect; anchor: HTMLElement };

type InsertStageMenuProps = {
  target: InsertMenuTarget | undefined;
  onClose: () => void;
  onInsert: (index: number, kind: StageKind) => void;
};

/**
 * The one menu shared by every edge's "+" button, so that a 1,000-stage
 * canvas does not mount 1,000 menus.
 */
export function InsertStageMenu({ target, onClose, onInsert }: InsertStageMenuProps) {
  return (
    <Menu
      opened={target !== undefined}
      onChange={(opened) => {
        if (!opened) onClose();
      }}
      onClose={() => target?.anchor.focus()}
      position="right-start"
      withinPortal
    >
      <Menu.Target>
        <div
          aria-hidden
          style={{
            position: 'fixed',
            left: target?.rect.left ?? 0,
            top: target?.rect.top ?? 0,
            width: target?.rect.width ?? 0,
            height: target?.rect.height ?? 0,
            pointerEvents: 'none',
          }}
        />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Insert stage {target ? target.index + 1 : ''}</Menu.Label>
        {stageKinds.map((kind) => (
          <Menu.Item
            key={kind}
            leftSection={<StageKindIcon kind={kind} size={20} />}
            onClick={() => target && onInsert(target.index, kind)}
          >
            {stageKindStyle(kind).label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
