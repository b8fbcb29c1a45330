import { isTrackOf, trackNamePattern } from '../../client/twilio/track-source';

/** A Twilio Compositions `VideoLayout`: named regions, each drawing the tracks its `video_sources` name. */
export type TwilioVideoLayout = Record<string, Record<string, unknown>>;

/** A live call: every video track of the room in one grid. */
export const GRID_LAYOUT: TwilioVideoLayout = { grid: { video_sources: ['*'] } };

/**
 * A clip's frame size. The screen's own size would be better, but Twilio's REST API does not
 * report a track's dimensions, and a composition may not exceed 1280 a side nor 921,600 pixels
 * (the `Resolution` parameter, twilio-oai spec/json/twilio_video_v1.json): a 1080p screen could not
 * keep its size anyway, so clips are 1280x720 (HD) and Twilio scales the screen to fit.
 */
export const PIP_RESOLUTION = { width: 1280, height: 720 };

/** The camera's corner: a quarter of the frame's width, 4:3 (a browser camera's default 640x480), inset from the bottom-right. */
const CORNER = { width: 320, height: 240, margin: 24 };

/**
 * A clip's picture-in-picture, from the video tracks the room recorded. This product's browser
 * client names each track `<source>-<suffix>` (unique per participant), so a region selects a kind
 * of track with Twilio's wildcard: `screen*`, `camera*` ("`*` matches zero or more characters in a
 * track name", Compositions resource). A region without position or size fills the frame; a region
 * with nothing to show stays blank, so only regions with a recorded track are laid out:
 * - screen + camera: the screen fills the frame (z_pos 1), the camera sits bottom-right over it (z_pos 2);
 * - camera only, or screen only: that track fills the frame.
 */
export function pictureInPictureLayout(recordedVideoTracks: readonly string[]): TwilioVideoLayout {
  const has = (source: 'screen' | 'camera') => recordedVideoTracks.some((name) => isTrackOf(source, name));
  const screen = [trackNamePattern('screen')];
  const camera = [trackNamePattern('camera')];
  const { width, height } = PIP_RESOLUTION;
  if (has('screen') && has('camera')) {
    return {
      screen: { z_pos: 1, video_sources: screen },
      camera: {
        z_pos: 2,
        x_pos: width - CORNER.width - CORNER.margin,
        y_pos: height - CORNER.height - CORNER.margin,
        width: CORNER.width,
        height: CORNER.height,
        video_sources: camera,
      },
    };
  }
  if (has('screen')) return { screen: { z_pos: 1, video_sources: screen } };
  if (has('camera')) return { camera: { z_pos: 1, video_sources: camera } };
  // Video under names this client never publishes (another client): show whatever was recorded.
  return { main: { z_pos: 1, video_sources: ['*'] } };
}
