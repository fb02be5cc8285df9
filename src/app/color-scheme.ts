import { localStorageColorSchemeManager } from '@mantine/core';

const storageKey = 'flowdeck-color-scheme';

export const colorSchemeManager = localStorageColorSchemeManager({ key: storageKey });

/**
 * Sets the stored colour scheme on `<html>` before React renders, so a dark
 * page does not flash light on load. This is what Mantine's
 * `ColorSchemeScript` does in server-rendered apps; this console is a SPA.
 */
export function applyStoredColorScheme(): void {
  let stored: string | null = null;

  try {
    stored = window.localStorage.getItem(storageKey);
  } catch {
    // Storage can be unavailable (privacy mode); fall back to the system preference.
  }

  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const systemScheme = prefersDark ? 'dark' : 'light';
  const scheme = stored === 'light' || stored === 'dark' ? stored : systemScheme;

  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
}
