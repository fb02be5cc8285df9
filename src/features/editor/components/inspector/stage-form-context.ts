import { createContext, useContext } from 'react';

import type { Stage } from '@/lib/orchestration/schemas';

import type { FieldPath } from '../../model/path';
import type { FieldError } from '../../model/validation';

/** The stage a form edits, its validation errors and the setter of one field. */
export type StageFormValue = {
  element: Stage;
  errors: readonly FieldError[];
  /** Sets the field at `path` (kind first); `undefined` removes it. */
  setField: (path: FieldPath, value: unknown) => void;
};

export const StageFormContext = createContext<StageFormValue | undefined>(undefined);

export function useStageForm(): StageFormValue {
  const value = useContext(StageFormContext);
  if (!value) throw new Error('useStageForm must be used inside StageFormContext.Provider.');

  return value;
}
