/**
 * Commands that canvas nodes and edges may call. React Flow node and edge
 * data carry no callbacks, so these reach them through context.
 */
import { createContext, useContext } from 'react';

export type EditorCommands = {
  /** Opens the menu that inserts a stage at `index`, next to `anchor` (the clicked button). */
  openInsertMenu: (index: number, anchor: HTMLElement) => void;
};

export const EditorCommandsContext = createContext<EditorCommands | undefined>(undefined);

export function useEditorCommands(): EditorCommands {
  const commands = useContext(EditorCommandsContext);
  if (!commands) {
    throw new Error('useEditorCommands must be used inside EditorCommandsContext.Provider.');
  }

  return commands;
}
