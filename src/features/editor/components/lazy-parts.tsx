import { lazy, Suspense, useEffect, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';

/**
 * Parts of the editor that the first paint of the graph does not need: the
 * dialogs, the insert menu, the inspector forms, the side tabs and the YAML
 * code. Each loads in its own chunk when first shown, so opening the editor
 * fetches and evaluates less code. `usePreloadEditorParts` fetches them when
 * the browser is idle after the editor mounted, so they open without a wait later.
 */
const loaders = {
  saveVersionDialog: () => import('./save-version-dialog'),
  runDialog: () => import('./run-dialog'),
  shortcutsHelp: () => import('./shortcuts-help'),
  leaveDialog: () => import('./leave-dialog'),
  insertStageMenu: () => import('./insert-stage-menu'),
  stageInspector: () => import('./inspector/stage-inspector'),
  variablesPanel: () => import('./variables-panel'),
  postingsPanel: () => import('./postings-panel'),
  codeFormat: () => import('../model/code-format'),
};

function lazyNamed<Props extends object, Name extends string>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const SaveVersionDialog = lazyNamed(loaders.saveVersionDialog, 'SaveVersionDialog');
export const RunDialog = lazyNamed(loaders.runDialog, 'RunDialog');
export const ShortcutsHelp = lazyNamed(loaders.shortcutsHelp, 'ShortcutsHelp');
export const LeaveDialog = lazyNamed(loaders.leaveDialog, 'LeaveDialog');
export const InsertStageMenu = lazyNamed(loaders.insertStageMenu, 'InsertStageMenu');
export const StageInspector = lazyNamed(loaders.stageInspector, 'StageInspector');
export const VariablesPanel = lazyNamed(loaders.variablesPanel, 'VariablesPanel');
export const PostingsPanel = lazyNamed(loaders.postingsPanel, 'PostingsPanel');

/** Loads the JSON and YAML text functions (with the `yaml` package) for import and export. */
export const loadCodeFormat = loaders.codeFormat;

type MountOnceActiveProps = { active: boolean; children: ReactNode };

/**
 * Renders `children` from the first time `active` is true on, and keeps them
 * mounted afterwards, so that a lazy dialog loads when it first opens and
 * still plays its closing transition.
 */
export function MountOnceActive({ active, children }: MountOnceActiveProps) {
  const [mounted, setMounted] = useState(active);
  if (active && !mounted) setMounted(true);

  return mounted ? <Suspense fallback={null}>{children}</Suspense> : null;
}

/** Delay after mount before the lazy parts are fetched, when the browser has no idle callback. */
const preloadFallbackDelayMs = 500;

/** Fetches every lazy part once the browser is idle after the editor mounted. */
export function usePreloadEditorParts() {
  useEffect(() => {
    const preload = () => {
      for (const load of Object.values(loaders)) void load().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(preload, { timeout: 3_000 });

      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(preload, preloadFallbackDelayMs);

    return () => clearTimeout(timer);
  }, []);
}
