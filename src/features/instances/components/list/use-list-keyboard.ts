import { useEffect } from 'react';

type ListKeyboardOptions = {
  count: number;
  activeIndex: number;
  setActiveIndex: (index: number) => void;
  onOpen: (index: number) => void;
  onToggle: (index: number) => void;
};

/** Elements whose own keys must not move the list: text fields, menus, dialogs. */
const keyOwnersSelector =
  'input:not([type="checkbox"]), textarea, select, [contenteditable="true"], [role="dialog"], [role="listbox"], [role="combobox"]';

/**
 * List shortcuts on the whole page: `j`/`k` move the active row, Enter opens
 * it and `x` toggles its selection. Keys typed in a text field or a dialog
 * are left alone, and so is Enter on a link or a button.
 */
export function useListKeyboard({
  count,
  activeIndex,
  setActiveIndex,
  onOpen,
  onToggle,
}: ListKeyboardOptions) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;

      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(keyOwnersSelector)) return;
      if (document.querySelector('[role="dialog"]')) return;
      if (count === 0) return;

      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        const step = event.key === 'j' ? 1 : -1;
        const from = activeIndex < 0 ? (step > 0 ? -1 : count) : activeIndex;
        setActiveIndex(Math.min(count - 1, Math.max(0, from + step)));
        return;
      }

      if (activeIndex < 0 || activeIndex >= count) return;

      if (event.key === 'Enter' && !target?.closest('a, button')) {
        event.preventDefault();
        onOpen(activeIndex);
      } else if (event.key === 'x') {
        event.preventDefault();
        onToggle(activeIndex);
      }
    };

    window.addEventListener('keydown', onKeyDown);

    return () => window.removeEventListener('keydown', onKeyDown);
  }, [activeIndex, count, onOpen, onToggle, setActiveIndex]);
}
