import { useCallback, useEffect, useRef } from 'react';
import { audioWindow } from './audio-quality';
import { emptyQualitySamples, type TakeQualitySamples } from './take-quality';
import { meanLuma } from './video-quality';

export interface QualitySources {
  /** Sampling runs only while the take records (not while paused, not before or after). */
  active: boolean;
  /** A new take starts from nothing. */
  takeKey: number;
  audio?: MediaStreamTrack | null;
  camera?: MediaStreamTrack | null;
  screen?: MediaStreamTrack | null;
}

const AUDIO_EVERY_MS = 100;
const FRAME_EVERY_MS = 1000;
/** Frames are shrunk before reading: the mean needs no detail, and a small read is cheap. */
const FRAME_SAMPLE_SIZE = { width: 32, height: 18 };

/**
 * Measures a take in this browser while it records, for the quality check before Send: the
 * microphone's loudness per short window, the camera's brightness about once a second, and the
 * shared screen's size. Nothing leaves the browser. Where Web Audio or a canvas is missing
 * (jsdom, old browsers) that part measures nothing, and the check says nothing about it.
 */
export function useTakeQualitySamples(sources: QualitySources): () => TakeQualitySamples {
  const samples = useRef<TakeQualitySamples>(emptyQualitySamples());
  const { active, takeKey, audio, camera, screen } = sources;

  useEffect(() => {
    samples.current = emptyQualitySamples();
  }, [takeKey]);

  useEffect(() => (active && audio ? sampleAudio(audio, samples.current) : undefined), [active, audio, takeKey]);
  useEffect(() => (active && camera ? sampleCamera(camera, samples.current) : undefined), [active, camera, takeKey]);
  useEffect(() => (active && screen ? sampleScreen(screen, samples.current) : undefined), [active, screen, takeKey]);

  return useCallback(() => samples.current, []);
}

function sampleAudio(track: MediaStreamTrack, into: TakeQualitySamples): (() => void) | undefined {
  const Ctx = typeof window !== 'undefined' ? window.AudioContext : undefined;
  if (!Ctx) return undefined;
  const ctx = new Ctx();
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 2048;
  source.connect(analyser);
  void ctx.resume().catch(() => undefined);
  const buffer = new Float32Array(analyser.fftSize);
  const timer = window.setInterval(() => {
    // A suspended context reads zeros: that is not the microphone's silence.
    if (ctx.state !== 'running' || !track.enabled || track.readyState !== 'live') return;
    analyser.getFloatTimeDomainData(buffer);
    const w = audioWindow(buffer);
    into.audioRms.push(w.rms);
    into.audioClippedShare.push(w.clippedShare);
  }, AUDIO_EVERY_MS);
  return () => {
    window.clearInterval(timer);
    source.disconnect();
    void ctx.close().catch(() => undefined);
  };
}

function sampleCamera(track: MediaStreamTrack, into: TakeQualitySamples): () => void {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  void video.play()?.catch(() => undefined);
  let canvas: HTMLCanvasElement | null = null;
  const timer = window.setInterval(() => {
    if (!track.enabled || video.readyState < 2 || video.videoWidth === 0) return;
    canvas ??= Object.assign(document.createElement('canvas'), FRAME_SAMPLE_SIZE);
    const g = canvas.getContext('2d', { willReadFrequently: true });
    if (!g) return;
    g.drawImage(video, 0, 0, FRAME_SAMPLE_SIZE.width, FRAME_SAMPLE_SIZE.height);
    into.cameraLuma.push(meanLuma(g.getImageData(0, 0, FRAME_SAMPLE_SIZE.width, FRAME_SAMPLE_SIZE.height).data));
  }, FRAME_EVERY_MS);
  return () => {
    window.clearInterval(timer);
    video.pause();
    video.srcObject = null;
  };
}

function sampleScreen(track: MediaStreamTrack, into: TakeQualitySamples): () => void {
  const read = () => {
    const { width, height } = track.getSettings?.() ?? {};
    if (!width || !height) return;
    // The largest it reached: a window shared at its biggest is what the viewer mostly sees.
    if (!into.screen || width * height > into.screen.width * into.screen.height) into.screen = { width, height };
  };
  read();
  const timer = window.setInterval(read, FRAME_EVERY_MS);
  return () => window.clearInterval(timer);
}
