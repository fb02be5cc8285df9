import { Alert, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { DragEvent } from 'react';

import { parseCaseFile } from '@/features/instances/api/case-file';
import type { CaseFile } from '@/features/instances/api/case-file';

import { CaseFileViewer } from './case-file-viewer';

type Loaded = { file: CaseFile; name: string } | { error: string; name: string } | undefined;

/** Case-file page: pick or drop a file, validate it, and show it read-only. */
export function CaseFileOpen() {
  const [loaded, setLoaded] = useState<Loaded>(undefined);
  const [dragging, setDragging] = useState(false);

  const open = async (file: File | null) => {
    if (!file) return;

    const result = parseCaseFile(await file.text());
    setLoaded(
      result.ok ? { file: result.file, name: file.name } : { error: result.error, name: file.name },
    );
  };

  if (loaded && 'file' in loaded) {
    return (
      <CaseFileViewer
        file={loaded.file}
        fileName={loaded.name}
        onClose={() => setLoaded(undefined)}
      />
    );
  }

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void open(event.dataTransfer.files.item(0));
  };

  return (
    <Stack gap="md" maw={720}>
      <Title order={1} fz="h2">
        Open a case file
      </Title>
      <Text size="sm" c="dimmed">
        A case file is an instance exported from its page with “Export case file”. It opens here
        read-only, without a server.
      </Text>
      <Paper
        withBorder
        p="xl"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        style={{
          borderStyle: 'dashed',
          borderColor: dragging ? 'var(--mantine-color-blue-filled)' : undefined,
        }}
      >
        <Group justify="center" gap="md">
          <Text size="sm">Drop a .case.json file here, or</Text>
          <FileButton onChange={(file) => void open(file)} accept="application/json,.json">
            {(props) => (
              <Button {...props} leftSection={<IconFileUpload size={16} />}>
                Choose a file
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>
      {loaded && 'error' in loaded && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={`Could not open ${loaded.name}`}
          role="alert"
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {loaded.error}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
