/** Keyboard shortcuts of the editor, as shown in the help sheet; `mod` is Ctrl, or ⌘ on macOS. */
export type ShortcutInfo = { keys: string[]; description: string };

export const shortcutList: readonly ShortcutInfo[] = [
  { keys: ['mod', 'Z'], description: 'Undo' },
  { keys: ['mod', 'Shift', 'Z'], description: 'Redo (also Ctrl+Y)' },
  { keys: ['mod', 'C'], description: 'Copy the selected stages' },
  { keys: ['mod', 'X'], description: 'Cut the selected stages' },
  { keys: ['mod', 'V'], description: 'Paste stages after the selection' },
  { keys: ['mod', 'D'], description: 'Duplicate the selected stages' },
  { keys: ['Delete'], description: 'Delete the selected stages (also Backspace)' },
  { keys: ['mod', 'A'], description: 'Select all stages' },
  { keys: ['Esc'], description: 'Clear the selection' },
  { keys: ['Alt', '↑'], description: 'Move the active stage up' },
  { keys: ['Alt', '↓'], description: 'Move the active stage down' },
  {
    keys: ['↑', '↓'],
    description: 'In the outline: select the previous or next stage (Shift extends)',
  },
  { keys: ['L'], description: 'Auto-layout' },
  { keys: ['F'], description: 'Fit the workflow in view' },
  { keys: ['mod', 'S'], description: 'Save' },
  { keys: ['?'], description: 'Show this help' },
];
