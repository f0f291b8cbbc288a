import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InputError } from '../../src/core/errors.ts';
import { checkParamDeclarations, coerceParam, parseParamArguments, resolveParams } from '../../src/notebook/params.ts';

const declared = { distanceM: 2, label: 'a', verbose: false, runs: { value: 10, min: 1, max: 100, integer: true } };

test('resolveParams keeps defaults and converts overrides to the type of each default', () => {
  assert.deepEqual(resolveParams(declared), { distanceM: 2, label: 'a', verbose: false, runs: 10 });
  const overrides = parseParamArguments(['distanceM=2.5e3', 'label=x=y', 'verbose=true', 'runs=7']);
  assert.deepEqual(resolveParams(declared, overrides), { distanceM: 2500, label: 'x=y', verbose: true, runs: 7 });
});

test('bad --param input is a one-line InputError naming the parameter and what was expected', () => {
  const cases: [string[], RegExp][] = [
    [['speed=1'], /^--param: unknown parameter 'speed' \(this notebook has: distanceM, label, verbose, runs\)$/],
    [['distanceM=two'], /^--param distanceM: expected a finite number, got 'two'$/],
    [['distanceM='], /^--param distanceM: expected a finite number, got ''$/],
    [['distanceM=Infinity'], /expected a finite number/],
    [['verbose=yes'], /^--param verbose: expected true or false, got 'yes'$/],
    [['runs=0'], /^--param runs: expected an integer from 1 to 100, got '0'$/],
    [['runs=2.5'], /expected an integer from 1 to 100/],
    [['noequals'], /^--param: expected name=value, got 'noequals'$/],
    [['=3'], /expected name=value/],
    [['runs=2', 'runs=3'], /^--param: parameter 'runs' given more than once$/],
  ];
  for (const [args, message] of cases) {
    assert.throws(() => resolveParams(declared, parseParamArguments(args)), (e: unknown) => {
      assert.ok(e instanceof InputError, `${args}: ${e}`);
      assert.match(e.message, message);
      assert.doesNotMatch(e.message, /\n/);
      return true;
    });
  }
});

test('property: every finite double typed as its shortest text comes back as the same number', () => {
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
    // === so that -0, which String() writes as '0', counts as equal (ECMA-262 Number::toString).
    assert.ok(coerceParam('x', String(x), 0) === x);
  }));
});

test('property: a string parameter takes any text unchanged', () => {
  fc.assert(fc.property(fc.string(), (text) => {
    assert.equal(coerceParam('label', text, 'default'), text);
  }));
});

test('notebook declarations are checked: names, types, defaults within their own limits', () => {
  assert.throws(() => checkParamDeclarations({ 'bad-name': 1 }), /names must be identifiers/);
  assert.throws(() => checkParamDeclarations({ x: { value: 0, min: 1 } }), /default 0 is outside/);
  assert.throws(() => checkParamDeclarations({ x: [1] as unknown as number }), /must be a number, a string or a boolean/);
  assert.doesNotThrow(() => checkParamDeclarations(declared));
});
