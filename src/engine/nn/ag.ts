// Every differentiable op, in one namespace (exported as `autograd`).
export * from './autograd';
export { dropout, batchNorm } from './regularise';
export type { BatchNormArgs } from './regularise';
