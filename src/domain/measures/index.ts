export {
  type CaseMilestones,
  CaseMilestonesSchema,
  IsoDateSchema,
  type MilestoneDates,
} from './case-milestones.js';
export {
  type CustomMeasureValue,
  CustomMeasureValueSchema,
  customMeasureSeries,
} from './custom-measure-series.js';
export {
  type Interval,
  type IntervalMeasureOptions,
  type IntervalMeasureResult,
  intervalMeasure,
  type MonthlyMedianPoint,
} from './interval-measure.js';
export {
  DEFAULT_INTERVAL_MEASURES,
  intervalMeasureName,
  type IntervalMeasureDefinition,
} from './interval-measure-catalogue.js';
export type { DataProblem, MeasurePoint } from './measure-point.js';
export { measureRunChartInput, type RunChartSettings } from './measure-run-chart-input.js';
export {
  type ProportionMeasureOptions,
  type ProportionMeasureResult,
  type ProportionMonth,
  proportionMeasure,
  type Target,
  TargetSchema,
} from './proportion-measure.js';
export {
  DEFAULT_WAITING_BUCKETS,
  type WaitingBucket,
  type WaitingListOptions,
  waitingList,
} from './waiting-list.js';
