// Servicing: the close of business (ADR 0010). Other contexts and the CLI import from here only.
export { type CobDayResult, closeBusinessDay, rangeSteps } from './close-business-day.ts';
export { COB_LOCK_KEY, type CobDeps, DEFAULT_PARTITION_SIZE, type RangeHook } from './deps.ts';
export { type JoinResult, joinCob } from './join-cob.ts';
export { COB_OPERATORS, COB_READERS, cobRoutes } from './routes.ts';
export { runCob, tryRunCob } from './run-cob.ts';
export {
  cobFailures,
  cobNotices,
  cobPartitions,
  cobRuns,
  cobStepMarks,
  DELINQUENCY_BUCKETS,
  type DelinquencyBucket,
  delinquencyHistory,
  delinquencyStatus,
  lateFeeAssessments,
  lateFeeRules,
} from './tables.ts';
export { type CobWorker, startCobWorker } from './worker.ts';
