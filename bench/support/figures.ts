/** Median of the samples (mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no samples');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The line the benchmark harness reads: `figure: NAME VALUE UNIT`. */
export function figureLine(name: string, value: number, unit: 'ms' | 'ratio'): string {
  return `figure: ${name} ${unit === 'ratio' ? value.toFixed(3) : value.toFixed(1)} ${unit}`;
}
