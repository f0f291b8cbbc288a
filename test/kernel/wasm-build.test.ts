import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import {
  clockEnsembleRaw, kernelsFor, resetKernelEngine, WasmKernels, clockEnsembleInputs, clockEnsembleReference,
  CLOCK_ENSEMBLE_DEFAULTS,
} from '../../src/kernel/index.ts';

test('the committed kernel .wasm files are what their AssemblyScript sources compile to', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kernels-wasm-'));
  const script = JSON.parse(readFileSync('package.json', 'utf8')).scripts['build:kernels'] as string;
  // The two builds are independent: compile them side by side (asc takes seconds each).
  await Promise.all(script.split(' && ').map(async (command) => {
    const target = /-o (\S+)/.exec(command)![1];
    const built = join(dir, target.split('/').pop()!);
    const args = command.replace(/^asc /, '').replace(`-o ${target}`, `-o ${built}`).split(' ');
    const child = spawn(process.execPath, ['node_modules/assemblyscript/bin/asc.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(status, 0, stderr);
    assert.deepEqual(readFileSync(built), readFileSync(target), target);
  }));
});

test('the SIMD build contains no relaxed-SIMD instruction and the scalar build no SIMD at all', () => {
  // Relaxed SIMD opcodes are 0xfd 0x100–0x113 (LEB128: 0xfd 0x80..0x93 0x02); validating the scalar
  // build with SIMD unsupported is the portable check, so here: the scalar module has no 0xfd prefix
  // inside its code section (wabt is not needed: its exports and memory come first, code has none).
  const simd = readFileSync('src/kernel/wasm/kernels-simd.wasm');
  for (let i = 0; i + 2 < simd.length; i++) {
    if (simd[i] === 0xfd && simd[i + 1] >= 0x80 && simd[i + 1] <= 0x93 && simd[i + 2] === 0x02) {
      assert.fail(`possible relaxed-SIMD opcode at byte ${i}`);
    }
  }
  const source = readFileSync('src/kernel/wasm/kernels-simd.as.ts', 'utf8');
  assert.doesNotMatch(source, /relaxed_|\.relaxed/);
  assert.doesNotMatch(readFileSync('src/kernel/wasm/kernels-scalar.as.ts', 'utf8') + readFileSync('src/kernel/wasm/scalar-math.as.ts', 'utf8'), /v128|f64x2|i32x4|i64x2/);
});

test('memory growth never leaves a stale view: small, large (grows), small again all match TypeScript', () => {
  const kernels = new WasmKernels('simd');
  const before = kernels.memoryBytes;
  const sizes = [8, 4096, 8];
  for (const clocks of sizes) {
    const inputs = clockEnsembleInputs({ ...CLOCK_ENSEMBLE_DEFAULTS, clocks, steps: 3, histogramBins: clocks === 4096 ? 60000 : 10 }, 3, 1);
    const got = kernels.clockEnsemble(inputs);
    const want = clockEnsembleReference(inputs);
    assert.deepEqual(got, want);
  }
  assert.ok(kernels.memoryBytes > before, 'the large run grew the memory');
});

test('without SIMD, auto falls back to TypeScript and says so once; results are unchanged', () => {
  const lines: string[] = [];
  const saved = process.env.CHRONOTOPE_NO_SIMD;
  process.env.CHRONOTOPE_NO_SIMD = '1';
  try {
    resetKernelEngine();
    assert.equal(kernelsFor('auto', (l) => lines.push(l)), undefined);
    assert.equal(kernelsFor('auto', (l) => lines.push(l)), undefined);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /SIMD is unavailable.*TypeScript/);
    assert.throws(() => kernelsFor('simd'), /unavailable/);
    assert.ok(kernelsFor('scalar'), 'the scalar build needs no SIMD');
  } finally {
    if (saved === undefined) delete process.env.CHRONOTOPE_NO_SIMD; else process.env.CHRONOTOPE_NO_SIMD = saved;
    resetKernelEngine();
  }
  const params = { ...CLOCK_ENSEMBLE_DEFAULTS, clocks: 8, steps: 50 };
  assert.deepEqual(clockEnsembleRaw(params, { seed: 1, engine: 'auto' }), clockEnsembleRaw(params, { seed: 1, engine: 'ts' }));
});

test('bad parameters are InputErrors naming the field', () => {
  assert.throws(() => clockEnsembleRaw({ ...CLOCK_ENSEMBLE_DEFAULTS, clocks: 6 }, { seed: 1 }), /clocks must be a positive multiple of 4/);
  assert.throws(() => clockEnsembleRaw({ ...CLOCK_ENSEMBLE_DEFAULTS, stepS: -1 }, { seed: 1 }), /stepS must be a positive/);
  assert.throws(() => clockEnsembleRaw(CLOCK_ENSEMBLE_DEFAULTS, { seed: -1 }), /seed must be an integer/);
  assert.throws(() => clockEnsembleRaw(CLOCK_ENSEMBLE_DEFAULTS, { seed: 1, engine: 'gpu' as never }), /engine must be/);
});
