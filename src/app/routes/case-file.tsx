import { useDocumentTitle } from '@mantine/hooks';

import { CaseFileOpen } from '@/features/instances/components/case-file/case-file-open';

export default function CaseFileRoute() {
  useDocumentTitle('Case file · Flowdeck');

  return <CaseFileOpen />;
}
