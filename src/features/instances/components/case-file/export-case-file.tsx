import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { caseFileName } from '@/features/instances/api/case-file';
import type { CaseFile } from '@/features/instances/api/case-file';
import { collectCaseFile } from '@/features/instances/api/export-case-file';
import { getApiBaseUrl } from '@/lib/api-client';
import { useConnection } from '@/lib/connection/connection-context';
import type { Instance } from '@/lib/orchestration/schemas';

/** Saves `file` through the browser's download. */
function downloadCaseFile(file: CaseFile) {
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');

  anchor.href = url;
  anchor.download = caseFileName(file.instance.id);
  anchor.click();
  // Revoking at once can cancel the download in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Header button that downloads the instance as a case file, readable later without a server. */
export function ExportCaseFile({ instance }: { instance: Instance }) {
  const queryClient = useQueryClient();
  const connection = useConnection();
  const exportFile = useMutation({
    mutationFn: () =>
      collectCaseFile(
        queryClient,
        instance.id,
        {
          connection: connection.name,
          serverUrl: getApiBaseUrl() || window.location.origin,
        },
        connection.apiVersion,
      ),
    onSuccess: (file) => {
      downloadCaseFile(file);

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
    meta: { errorTitle: 'Could not export the case file' },
  });

  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={exportFile.isPending}
      onClick={() => exportFile.mutate()}
    >
      Export case file
    </Button>
  );
}
