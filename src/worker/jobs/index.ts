// The job table: name → job. An explicit object (never registration by import side effect);
// protocol.ts derives every message type from it. Adding a job = one file in this folder
// exporting a defineRequest(...) or defineLongJob(...) + one line here.
import { demoFit } from './demoFit';
import { learnFilter } from './learnFilter';
import { ping } from './ping';
import { pool2d } from './pool2d';

export const jobs = {
  'demo-fit': demoFit,
  'learn-filter': learnFilter,
  ping,
  pool2d,
} as const;

export type JobTable = typeof jobs;
