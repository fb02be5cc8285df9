import { Button, Group, Progress, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlayerStop } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

import { caseFileName } from '@/features/instances/api/case-file';
import type { CaseFile } from '@/features/instances/api/case-file';
import { collectCaseFile } from '@/features/instances/api/export-case-file';
import type { CaseFileProgress } from '@/features/instances/api/export-case-file';
import { serializeCaseFile } from '@/features/instances/api/serialize-case-file';
import { getApiBaseUrl } from '@/lib/api-client';
import { useConnection } from '@/lib/connection/connection-context';
import type { Instance } from '@/lib/orchestration/schemas';

const countFormat = new Intl.NumberFormat('en-US');

/** Saves the serialized parts of `file` through the browser's download. */
function downloadCaseFile(file: CaseFile, parts: string[]) {
  const blob = new Blob(parts, { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');

  anchor.href = url;
  anchor.download = caseFileName(file.instance.id);
  anchor.click();
  // Revoking at once can cancel the download in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Progress of a running export, reaching React state at most once per
 * animation frame: each of thousands of stage histories reports one step.
 */
function useThrottledProgress() {
  const [progress, setProgress] = useState<CaseFileProgress | undefined>(undefined);
  const latest = useRef<CaseFileProgress | undefined>(undefined);
  const frame = useRef<number | undefined>(undefined);

  const report = useCallback((next: CaseFileProgress | undefined) => {
    latest.current = next;
    frame.current ??= window.requestAnimationFrame(() => {
      frame.current = undefined;
      setProgress(latest.current);
    });
  }, []);

  useEffect(
    () => () => {
      if (frame.current !== undefined) window.cancelAnimationFrame(frame.current);
    },
    [],
  );

  return { progress, report };
}

/**
 * Header button that downloads the instance as a case file, readable later
 * without a server. While stage histories load it shows how many arrived, with
 * a button that stops the export.
 */
export function ExportCaseFile({ instance }: { instance: Instance }) {
  const queryClient = useQueryClient();
  const connection = useConnection();
  const controller = useRef<AbortController | undefined>(undefined);
  const { progress, report } = useThrottledProgress();

  // Leaving the page stops an export still running.
  useEffect(() => () => controller.current?.abort(), []);

  const exportFile = useMutation({
    mutationFn: async () => {
      const abort = new AbortController();
      controller.current = abort;
      report(undefined);
      const file = await collectCaseFile(
        queryClient,
        instance.id,
        {
          connection: connection.name,
          serverUrl: getApiBaseUrl() || window.location.origin,
        },
        connection.apiVersion,
        { signal: abort.signal, onProgress: report },
      );

      return { file, parts: await serializeCaseFile(file, abort.signal) };
    },
    onSuccess: ({ file, parts }) => {
      downloadCaseFile(file, parts);

      const origin =
        file.trigger.status === 'found'
          ? `started by trigger ${file.trigger.trigger.name || file.trigger.trigger.id}`
          : 'no trigger occurrence found';
      notifications.show({
        color: 'teal',
        title: 'Case file exported',
        message: `${caseFileName(file.instance.id)}: ${file.stageHistories.length} stage histories, ${origin}.`,
      });
    },
    onSettled: () => {
      controller.current = undefined;
    },
    meta: { errorTitle: 'Could not export the case file' },
  });

  if (!exportFile.isPending) {
    return (
      <Button
        variant="default"
        leftSection={<IconDownload size={16} />}
        onClick={() => exportFile.mutate()}
      >
        Export case file
      </Button>
    );
  }

  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const status =
    progress === undefined
      ? 'Reading the instance…'
      : `${countFormat.format(done)} of ${countFormat.format(total)} stage histories`;

  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label="Case file export">
      <Progress
        w={120}
        value={total === 0 ? 0 : (done / total) * 100}
        aria-label="Case file export progress"
        transitionDuration={0}
      />
      <Text size="sm" aria-live="polite">
        {status}
      </Text>
      <Button
        variant="default"
        leftSection={<IconPlayerStop size={16} />}
        onClick={() => controller.current?.abort()}
      >
        Stop export
      </Button>
    </Group>
  );
}
