import * as v8 from 'node:v8';

const heapFlags = /--(max-old-space-size|max-semi-space-size|max-heap-size|heap-growing-percent)\b/;

/**
 * The CLI and the language server evaluate a whole workspace in one heap and leave much
 * short-lived garbage (parse trees). V8's default lets the heap grow to about four times what
 * is live before a full collection: 1.4 GB on bicep-registry-modules for under 400 MB live.
 * Growing by 30% per collection keeps the process near what it uses, for a few percent more
 * time. Heap flags the user gives node (on its command line or in NODE_OPTIONS) win.
 */
export function boundHeapGrowth(): void {
  if ([...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((option) => heapFlags.test(option.replace(/_/g, '-')))) return;
  v8.setFlagsFromString('--heap-growing-percent=30');
}
