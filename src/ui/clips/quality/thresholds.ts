/**
 * Where the quality check before Send draws its lines. Each is a warning, never a block: the
 * author can always send. Named here so a change is made once and read in one place.
 */

/** A customer's screen below this is downscaled past legible text in the clip. */
export const MIN_LEGIBLE_SCREEN = { width: 1280, height: 720 } as const;
/** Agents record for customers to read: the advice for agents is a 1080p screen. */
export const AGENT_SCREEN_TARGET = { width: 1920, height: 1080 } as const;

/** An audio window quieter than this RMS (about -46 dBFS) is taken for silence. */
export const SILENCE_RMS_FLOOR = 0.005;
/** The take is called silent when more than this share of its windows is silence. */
export const SILENT_WINDOW_SHARE = 0.8;

/** A sample this close to full scale (1.0) was clipped. */
export const CLIPPED_SAMPLE_LEVEL = 0.99;
/** The sound is called distorted when more than this share of all samples was clipped. */
export const CLIPPED_SAMPLE_SHARE = 0.01;

/** A camera frame whose mean luma (0..255, Rec. 601) is below this is too dark to see a face. */
export const DARK_FRAME_LUMA = 40;
/** The camera is called too dark when more than this share of sampled frames is dark. */
export const DARK_FRAME_SHARE = 0.6;

/** Too little to judge: fewer audio windows (about 1 s at the sampler's pace) or camera frames. */
export const MIN_AUDIO_WINDOWS = 10;
export const MIN_CAMERA_FRAMES = 2;
