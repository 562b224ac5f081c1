// The two quick requests on the lab's live model: predict a drawn digit, and the model file
// for a download. Both resolve to null when the worker cannot answer (no model yet, a crash).
import { computeClient } from '../../worker/client';

export function trainerRequests(session: string) {
  return {
    async predict(ink: Uint8Array, side: number): Promise<{ pixels: Float32Array | null; probs: Float32Array | null } | null> {
      try {
        return await computeClient().request('mnist-predict', { session, ink, side }, { transfer: [ink.buffer] });
      } catch {
        return null;
      }
    },
    async download(): Promise<ArrayBuffer | null> {
      try {
        return (await computeClient().request('mnist-save', { session })).file;
      } catch {
        return null;
      }
    },
  };
}
