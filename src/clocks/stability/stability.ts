import { InputError } from '../../core/errors.ts';
import { adevSpec } from './adev.ts';
import { hdevSpec } from './hdev.ts';
import { mdevSpec } from './mdev.ts';
import { stabilityMessages } from './messages.ts';
import { mtieSpec } from './mtie.ts';
import { oadevSpec } from './oadev.ts';
import { ohdevSpec } from './ohdev.ts';
import { runStatistic, type StabilityOptions, type StabilityResult } from './run-statistic.ts';
import { STATISTIC_NAMES, type StatisticName, type StatisticSpec } from './statistic.ts';
import { tdevSpec } from './tdev.ts';
import { tiermsSpec } from './tierms.ts';
import { totdevSpec } from './totdev.ts';

const SPECS: Record<StatisticName, StatisticSpec<any>> = {
  adev: adevSpec, oadev: oadevSpec, mdev: mdevSpec, tdev: tdevSpec, hdev: hdevSpec,
  ohdev: ohdevSpec, totdev: totdevSpec, mtie: mtieSpec, tierms: tiermsSpec,
};

/** The description of a statistic by name; InputError for an unknown name. */
export function statisticSpec(name: string): StatisticSpec<unknown> {
  if (!(STATISTIC_NAMES as readonly string[]).includes(name)) {
    throw new InputError(stabilityMessages.unknownStatistic(name, STATISTIC_NAMES));
  }
  return SPECS[name as StatisticName];
}

/** Generic entry point: `stability('oadev', data, options)` equals `oadev(data, options)`. */
export function stability(name: string, data: ArrayLike<number>, options: StabilityOptions = {}): StabilityResult {
  return runStatistic(statisticSpec(name), data, options);
}
