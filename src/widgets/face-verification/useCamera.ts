// The webcam, off until asked: start() asks the browser (which asks the reader), a refusal or a
// missing camera becomes a problem code the page words in the reader's language, stop() turns
// every track off, and unmounting turns it off too. take() grabs the current frame as RGBA.
import { useCallback, useEffect, useRef, useState } from 'react';

export type CameraProblem = { code: 'no-camera' } | { code: 'denied' } | { code: 'failed'; msg: string };

export function useCamera(maxSide: number) {
  const video = useRef<HTMLVideoElement | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<CameraProblem | null>(null);

  const stop = useCallback(() => {
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setOn(false);
  }, []);

  const start = useCallback(async () => {
    setProblem(null);
    if (!navigator.mediaDevices?.getUserMedia) return setProblem({ code: 'no-camera' });
    try {
      const s = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
      stream.current = s;
      setOn(true);
    } catch (e) {
      const name = e instanceof DOMException ? e.name : '';
      if (name === 'NotAllowedError' || name === 'SecurityError') setProblem({ code: 'denied' });
      else if (name === 'NotFoundError' || name === 'OverconstrainedError') setProblem({ code: 'no-camera' });
      else setProblem({ code: 'failed', msg: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  // attach the stream once the <video> is on the page
  useEffect(() => {
    if (on && video.current && stream.current && video.current.srcObject !== stream.current) {
      video.current.srcObject = stream.current;
      void video.current.play().catch(() => undefined);
    }
  }, [on]);
  useEffect(() => stop, [stop]);

  /** The current frame, at most maxSide on its longer side; null before the first frame. */
  const take = useCallback((): { rgba: Uint8ClampedArray; width: number; height: number } | null => {
    const v = video.current;
    if (!v || !v.videoWidth || !v.videoHeight) return null;
    const k = Math.min(1, maxSide / Math.max(v.videoWidth, v.videoHeight));
    const width = Math.round(v.videoWidth * k), height = Math.round(v.videoHeight * k);
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(v, 0, 0, width, height);
    return { rgba: ctx.getImageData(0, 0, width, height).data, width, height };
  }, [maxSide]);

  return { video, on, problem, start, stop, take };
}
