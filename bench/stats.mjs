// Small statistics and formatting helpers shared by the benchmark modules.

/** Returns the nearest-rank percentile of `values` (fraction 0..1); NaN when empty. */
export function percentile(values, fraction) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));

  return sorted[index];
}

export function median(values) {
  return percentile(values, 0.5);
}

/** Formats a number with a fixed count of decimals, or an em dash when it is missing. */
export function formatNumber(value, decimals = 0) {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';

  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

export function formatKilobytes(bytes) {
  return `${formatNumber(bytes / 1024, 1)} KB`;
}

/** Formats `largest / smallest` as `×N.NN`, or an em dash when either is missing or zero. */
export function formatRatio(largest, smallest) {
  if (!Number.isFinite(largest) || !Number.isFinite(smallest) || smallest === 0) return '—';

  return `×${formatNumber(largest / smallest, 2)}`;
}
