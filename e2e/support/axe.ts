import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** axe-core impact levels that fail the check. */
const failingImpacts = new Set(['serious', 'critical']);

export type A11yCheckOptions = {
  /** CSS selector of the only region to check, e.g. `[role="dialog"]` while a modal is open. */
  include?: string;
  /** CSS selectors of regions to leave out. */
  exclude?: string[];
};

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page and fails
 * with a readable list when any violation has serious or critical impact.
 * Check an open modal with `include`: axe measures the page behind the
 * overlay against the dimmed backdrop and reports low contrast there.
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  optionsOrExclude: A11yCheckOptions | string[] = {},
) {
  // A bare array is the list of excluded selectors.
  const options = Array.isArray(optionsOrExclude)
    ? { exclude: optionsOrExclude }
    : optionsOrExclude;
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);

  if (options.include !== undefined) {
    builder = builder.include(options.include);
  }

  for (const selector of options.exclude ?? []) {
    builder = builder.exclude(selector);
  }

  const results = await builder.analyze();
  const serious = results.violations.filter((violation) =>
    failingImpacts.has(violation.impact ?? ''),
  );
  const report = serious.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.join(' ')).slice(0, 5);

    return `${violation.id} (${violation.impact}): ${violation.help}\n  ${targets.join('\n  ')}`;
  });

  expect(report, `serious accessibility violations on ${page.url()}`).toEqual([]);
}
