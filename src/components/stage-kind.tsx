import { Badge, ThemeIcon } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import {
  IconArrowsRightLeft,
  IconCircleDot,
  IconClockHour4,
  IconPencil,
  IconPlayerPause,
  IconQuestionMark,
} from '@tabler/icons-react';
import type { TablerIcon } from '@tabler/icons-react';

type StageKindStyle = { label: string; color: MantineColor; icon: TablerIcon };

const stageKindStyles: Record<string, StageKindStyle> = {
  send: { label: 'Send', color: 'blue', icon: IconArrowsRightLeft },
  delay: { label: 'Delay', color: 'grape', icon: IconClockHour4 },
  wait_event: { label: 'Wait event', color: 'yellow', icon: IconPlayerPause },
  update: { label: 'Update', color: 'cyan', icon: IconPencil },
  noop: { label: 'No-op', color: 'gray', icon: IconCircleDot },
};

const unknownKind: StageKindStyle = { label: 'Unknown', color: 'red', icon: IconQuestionMark };

export function stageKindStyle(kind: string): StageKindStyle {
  return stageKindStyles[kind] ?? { ...unknownKind, label: kind };
}

/** Icon of a stage kind in its colour. */
export function StageKindIcon({ kind, size = 26 }: { kind: string; size?: number }) {
  const style = stageKindStyle(kind);
  const KindIcon = style.icon;

  return (
    <ThemeIcon color={style.color} variant="light" size={size} radius="sm" aria-hidden>
      <KindIcon size={Math.round(size * 0.6)} />
    </ThemeIcon>
  );
}

/** Stage kind as a badge, e.g. "Wait event". */
export function StageKindBadge({ kind }: { kind: string }) {
  const style = stageKindStyle(kind);
  const KindIcon = style.icon;

  return (
    <Badge
      color={style.color}
      variant="light"
      radius="sm"
      leftSection={<KindIcon size={12} />}
      style={{ flexShrink: 0 }}
    >
      {style.label}
    </Badge>
  );
}
