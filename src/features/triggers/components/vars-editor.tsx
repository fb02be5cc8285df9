import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

import { ExpressionEditor } from '@/components/code-editor/expression-editor';
import type { ExpressionCompletion } from '@/components/code-editor/expression-editor';
import { EXPR_BUILTINS } from '@/lib/expr';

import { compileDiagnostics } from '../model/draft-evaluation';
import type { DraftVariable } from '../model/trigger-draft';

type VarsEditorProps = {
  vars: DraftVariable[];
  onChange: (vars: DraftVariable[]) => void;
  paths: readonly ExpressionCompletion[];
  /** Names the workflow uses, offered for new variables. */
  suggestedNames: readonly string[];
};

/** Rows of variable name and expression; each expression is linted as it is typed. */
export function VarsEditor({ vars, onChange, paths, suggestedNames }: VarsEditorProps) {
  const nextId = Math.max(0, ...vars.map((variable) => variable.id)) + 1;
  const defined = new Set(vars.map((variable) => variable.name.trim()));
  const suggestion = suggestedNames.find((name) => !defined.has(name)) ?? '';

  const update = (id: number, changes: Partial<DraftVariable>) =>
    onChange(vars.map((variable) => (variable.id === id ? { ...variable, ...changes } : variable)));

  return (
    <Stack gap="xs">
      {vars.length === 0 && (
        <Text size="sm" c="dimmed">
          No variables: the workflow runs with none, so its placeholders become empty strings.
        </Text>
      )}
      {vars.map((variable, index) => (
        <Group key={variable.id} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            aria-label={`Variable ${index + 1} name`}
            placeholder="name"
            w={180}
            ff="monospace"
            value={variable.name}
            onChange={(event) => update(variable.id, { name: event.currentTarget.value })}
          />
          <div style={{ flex: 1, minWidth: 0 }}>
            <ExpressionEditor
              label={`Variable ${index + 1} expression`}
              value={variable.expression}
              onChange={(expression) => update(variable.id, { expression })}
              lint={compileDiagnostics}
              paths={paths}
              functions={EXPR_BUILTINS}
              placeholder="event.transactions[0].metadata.customer"
              invalid={compileDiagnostics(variable.expression).length > 0}
            />
          </div>
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove variable ${variable.name || index + 1}`}
            onClick={() => onChange(vars.filter((item) => item.id !== variable.id))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...vars, { id: nextId, name: suggestion, expression: '' }])}
        >
          Add variable{suggestion ? ` (${suggestion})` : ''}
        </Button>
      </Group>
    </Stack>
  );
}
