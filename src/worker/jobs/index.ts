// The job table: name → job. An explicit object (never registration by import side effect);
// protocol.ts derives every message type from it. Adding a job = one file in this folder
// exporting a defineRequest(...) or defineLongJob(...) + one line here.
import { demoFit } from './demoFit';
import { ping } from './ping';

export const jobs = {
  'demo-fit': demoFit,
  ping,
} as const;

export type JobTable = typeof jobs;
