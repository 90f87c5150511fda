import { useEffect, useRef, useState, type RefObject } from 'react';
import type { BarcodeFormatName, DecodeStrategyName, FrameDecoder } from '../decoderTypes.ts';
import { loadFrameDecoder, startFrameLoop } from '../frameLoop.ts';
import type { CameraState } from '../useCamera.ts';
import { i18n } from '../../i18n/i18n.ts';

type DecoderWithStrategy = FrameDecoder & { setStrategy?(s: DecodeStrategyName): void; reset?(): void };

/**
 * Runs the decode loop while the camera is live: loads the decoder chunk once the camera is wanted
 * (warming it while the camera starts), and disposes of it when the component goes away.
 */
export function useCameraDecoding({
  camera,
  cameraOn,
  disabled,
  videoRef,
  guideRef,
  strategy,
  formats,
  onRead,
}: {
  camera: CameraState;
  cameraOn: boolean;
  disabled: boolean;
  videoRef: RefObject<HTMLVideoElement | null>;
  guideRef: RefObject<HTMLDivElement | null>;
  strategy: DecodeStrategyName | undefined;
  formats: BarcodeFormatName[];
  onRead(text: string, format: string): void;
}): string | null {
  const [decoder, setDecoder] = useState<DecoderWithStrategy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const readRef = useRef(onRead);
  readRef.current = onRead;
  const strategyRef = useRef(strategy);
  strategyRef.current = strategy;
  const loading = useRef(false);
  const mounted = useRef(true);
  const current = useRef<DecoderWithStrategy | null>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      current.current?.dispose();
      current.current = null;
      loading.current = false;
      setDecoder(null);
    };
  }, []);

  // Load once the camera is first wanted, so warming overlaps with the camera starting.
  useEffect(() => {
    if (!cameraOn || current.current || loading.current) return;
    loading.current = true;
    loadFrameDecoder({ strategy: strategyRef.current }).then(
      (d) => {
        loading.current = false;
        if (!mounted.current) {
          d.dispose();
          return;
        }
        current.current = d;
        setDecoder(d);
        d.warm().catch((err: unknown) => {
          if (mounted.current) setError(err instanceof Error ? err.message : i18n.t('scanner:decoder.didNotLoad'));
        });
      },
      () => {
        loading.current = false;
        if (mounted.current) setError(i18n.t('scanner:decoder.couldNotLoad'));
      },
    );
  }, [cameraOn]);

  useEffect(() => {
    if (decoder && strategy) decoder.setStrategy?.(strategy);
  }, [decoder, strategy]);

  const live = camera.status === 'live';
  const formatsKey = formats.join(',');
  useEffect(() => {
    const video = videoRef.current;
    if (!live || disabled || !decoder || !video) return;
    const loop = startFrameLoop({
      video,
      decoder,
      guideBox: () => guideRef.current,
      formats: formatsKey ? (formatsKey.split(',') as BarcodeFormatName[]) : undefined,
      onRead: (b) => readRef.current(b.text, b.format),
    });
    return () => loop.stop();
  }, [live, disabled, decoder, formatsKey, videoRef, guideRef]);

  return error;
}
