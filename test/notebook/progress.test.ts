import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from '../../src/notebook/progress.ts';

function collector(isTTY = false) {
  const lines: string[] = [];
  return { lines, stream: { isTTY, write: (text: string) => lines.push(text) } };
}

test('off a terminal, progress is plain lines: the first, then at most one per interval, and the last', () => {
  const { lines, stream } = collector();
  let t = 0;
  const task = createProgress({ stream, intervalMs: 1000, now: () => t }).start('sweep', 5);
  for (let i = 0; i < 5; i++) {
    t += 400;
    task.tick(1, `point ${i}`);
  }
  task.done();
  // ticks at 400 (first line), 800, 1200, 1600 (>= 1000 after 400), 2000 (last, always).
  assert.deepEqual(lines, ['sweep: 1/5 point 0\n', 'sweep: 4/5 point 3\n', 'sweep: 5/5 point 4\n']);
});

test('a task stopped before its total says so', () => {
  const { lines, stream } = collector();
  const task = createProgress({ stream, intervalMs: 0 }).start('figures', 3);
  task.tick(1, 'a');
  task.done();
  assert.deepEqual(lines, ['figures: 1/3 a\n', 'figures: 1/3 stopped\n']);
});
