import { ActionIcon, Box, CopyButton, Group, Tooltip, UnstyledButton } from '@mantine/core';
import {
  IconCheck,
  IconChevronDown,
  IconChevronRight,
  IconCopy,
  IconFold,
  IconFoldDown,
} from '@tabler/icons-react';
import { useState } from 'react';

import classes from './json-view.module.css';

type JsonViewProps = {
  value: unknown;
  /** Objects and arrays deeper than this start collapsed. @default 2 */
  expandDepth?: number;
  /** Accessible name of the view, e.g. "Workflow config". */
  label?: string;
};

/** Pretty-printed JSON with collapsible objects and arrays, plus copy and expand/collapse all. */
export function JsonView({ value, expandDepth = 2, label = 'JSON' }: JsonViewProps) {
  // Remounting the tree with a new depth is how "expand all" and "collapse all" reset every node.
  const [tree, setTree] = useState({ depth: expandDepth, version: 0 });
  const text = JSON.stringify(value, null, 2) ?? 'undefined';

  return (
    <Box pos="relative" role="group" aria-label={label}>
      <Group gap={4} pos="absolute" top={6} right={6} style={{ zIndex: 1 }}>
        <Tooltip label="Expand all">
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label="Expand all"
            onClick={() => setTree((prev) => ({ depth: Infinity, version: prev.version + 1 }))}
          >
            <IconFoldDown size={14} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Collapse all">
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label="Collapse all"
            onClick={() => setTree((prev) => ({ depth: 0, version: prev.version + 1 }))}
          >
            <IconFold size={14} />
          </ActionIcon>
        </Tooltip>
        <CopyButton value={text} timeout={1500}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy JSON'}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label="Copy JSON"
                onClick={copy}
              >
                {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <div className={classes.root} key={tree.version}>
        <JsonNode value={value} depth={0} expandDepth={tree.depth} last />
      </div>
    </Box>
  );
}

type JsonNodeProps = {
  name?: string;
  value: unknown;
  depth: number;
  expandDepth: number;
  last: boolean;
};

function JsonNode({ name, value, depth, expandDepth, last }: JsonNodeProps) {
  const [open, setOpen] = useState(depth < expandDepth);
  const comma = last ? '' : ',';
  const keyLabel = name !== undefined && (
    <span className={classes.key}>{JSON.stringify(name)}: </span>
  );

  if (value === null || typeof value !== 'object') {
    return (
      <div>
        {keyLabel}
        <Primitive value={value} />
        {comma}
      </div>
    );
  }

  const isArray = Array.isArray(value);
  const entries: Array<[string, unknown]> = isArray
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  const [openBracket, closeBracket] = isArray ? ['[', ']'] : ['{', '}'];

  if (entries.length === 0) {
    return (
      <div>
        {keyLabel}
        {openBracket}
        {closeBracket}
        {comma}
      </div>
    );
  }

  const count = `${entries.length} ${isArray ? 'item' : 'key'}${entries.length === 1 ? '' : 's'}`;

  return (
    <div>
      <UnstyledButton
        className={classes.toggle}
        aria-expanded={open}
        aria-label={`${open ? 'Collapse' : 'Expand'} ${name ?? 'root'}`}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? <IconChevronDown size={11} /> : <IconChevronRight size={11} />}
      </UnstyledButton>{' '}
      {keyLabel}
      {openBracket}
      {!open && (
        <>
          <span className={classes.muted}> … {count} </span>
          {closeBracket}
          {comma}
        </>
      )}
      {open && (
        <>
          <div className={classes.children}>
            {entries.map(([key, item], index) => (
              <JsonNode
                key={key}
                name={isArray ? undefined : key}
                value={item}
                depth={depth + 1}
                expandDepth={expandDepth}
                last={index === entries.length - 1}
              />
            ))}
          </div>
          {closeBracket}
          {comma}
        </>
      )}
    </div>
  );
}

function Primitive({ value }: { value: unknown }) {
  if (typeof value === 'string')
    return <span className={classes.string}>{JSON.stringify(value)}</span>;
  if (typeof value === 'number') return <span className={classes.number}>{String(value)}</span>;
  if (value === undefined) return <span className={classes.muted}>undefined</span>;

  return <span className={classes.literal}>{JSON.stringify(value)}</span>;
}
