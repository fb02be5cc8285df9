import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  FileButton,
  Group,
  Menu,
  TextInput,
  Tooltip,
} from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconDeviceFloppy,
  IconDownload,
  IconFocusCentered,
  IconHelp,
  IconLayoutDistributeHorizontal,
  IconPlayerPlay,
  IconUpload,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';

import type { CodeLanguage } from '../model/code-format';

type EditorToolbarProps = {
  name: string | undefined;
  onNameChange: (name: string | undefined) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onAutoLayout: () => void;
  onFitView: () => void;
  onImport: (file: File) => void;
  onExport: (language: CodeLanguage) => void;
  onHelp: () => void;
  errorCount: number;
  dirty: boolean;
  saveLabel: string;
  saving: boolean;
  /** Reason saving is unavailable now, shown as the Save button's tooltip. */
  saveBlockedReason: string | undefined;
  onSave: () => void;
  /** Reason running is unavailable now; `undefined` when it is available. */
  runBlockedReason: string | undefined;
  onRun: () => void;
};

function ToolButton(props: {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <Tooltip label={props.label}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={props.label}
        onClick={props.onClick}
        disabled={props.disabled}
      >
        {props.children}
      </ActionIcon>
    </Tooltip>
  );
}

type BlockableButtonProps = ButtonProps & {
  onClick: () => void;
  /** Reason the action is unavailable; the button then stays focusable so the tooltip shows it. */
  blockedReason: string | undefined;
  hint: string;
  children: ReactNode;
};

function BlockableButton({
  onClick,
  blockedReason,
  hint,
  children,
  ...rest
}: BlockableButtonProps) {
  const blocked = blockedReason !== undefined;

  return (
    <Tooltip label={blockedReason ?? hint}>
      <Button
        {...rest}
        data-disabled={blocked || undefined}
        aria-disabled={blocked || undefined}
        onClick={() => {
          if (!blocked) onClick();
        }}
      >
        {children}
      </Button>
    </Tooltip>
  );
}

export function EditorToolbar(props: EditorToolbarProps) {
  return (
    <Group gap="xs" wrap="wrap" role="toolbar" aria-label="Editor tools">
      <TextInput
        aria-label="Workflow name"
        placeholder="Workflow name"
        value={props.name ?? ''}
        onChange={(event) => props.onNameChange(event.currentTarget.value || undefined)}
        w={240}
      />
      <Divider orientation="vertical" />
      <ToolButton label="Undo (Ctrl+Z)" onClick={props.onUndo} disabled={!props.canUndo}>
        <IconArrowBackUp size={18} />
      </ToolButton>
      <ToolButton label="Redo (Ctrl+Shift+Z)" onClick={props.onRedo} disabled={!props.canRedo}>
        <IconArrowForwardUp size={18} />
      </ToolButton>
      <ToolButton label="Auto-layout (L)" onClick={props.onAutoLayout}>
        <IconLayoutDistributeHorizontal size={18} />
      </ToolButton>
      <ToolButton label="Fit view (F)" onClick={props.onFitView}>
        <IconFocusCentered size={18} />
      </ToolButton>
      <Divider orientation="vertical" />
      <FileButton
        onChange={(file) => file && props.onImport(file)}
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
      >
        {(buttonProps) => (
          <Button {...buttonProps} variant="default" leftSection={<IconUpload size={16} />}>
            Import
          </Button>
        )}
      </FileButton>
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} />}>
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => props.onExport('yaml')}>YAML file</Menu.Item>
          <Menu.Item onClick={() => props.onExport('json')}>JSON file</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ToolButton label="Keyboard shortcuts (?)" onClick={props.onHelp}>
        <IconHelp size={18} />
      </ToolButton>
      <Group gap="xs" ml="auto">
        {props.errorCount > 0 ? (
          <Badge color="red" variant="light" size="lg">
            {props.errorCount} {props.errorCount === 1 ? 'problem' : 'problems'}
          </Badge>
        ) : (
          props.dirty && (
            <Badge color="gray" variant="light" size="lg">
              Unsaved changes
            </Badge>
          )
        )}
        <BlockableButton
          variant="default"
          leftSection={<IconPlayerPlay size={16} />}
          onClick={props.onRun}
          blockedReason={props.runBlockedReason}
          hint="Run the saved workflow"
        >
          Run
        </BlockableButton>
        <BlockableButton
          leftSection={<IconDeviceFloppy size={16} />}
          onClick={props.onSave}
          loading={props.saving}
          blockedReason={props.saveBlockedReason}
          hint="Save (Ctrl+S)"
        >
          {props.saveLabel}
        </BlockableButton>
      </Group>
    </Group>
  );
}
