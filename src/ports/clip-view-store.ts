import type { ClipViewRecord } from '../domain/clip-views';

/** Viewer events of clips, one row per clip and viewer. Both engines: the SQL store. */
export interface ClipViewStore {
  get(clipId: string, viewer: string): Promise<ClipViewRecord | null>;
  /**
   * Inserts or advances the row, monotonically even when two writers race: the furthest point
   * keeps the larger value, completion once set stays set, the first open and completion times
   * are kept. Returns the row as stored afterwards.
   */
  record(view: ClipViewRecord): Promise<ClipViewRecord>;
  /** A clip's views, in the order they were first opened. */
  listByClip(clipId: string): Promise<ClipViewRecord[]>;
  /** Deletes one viewer's rows of these clips (erasure on request); returns how many went. */
  deleteViews(clipIds: readonly string[], viewer: string): Promise<number>;
}
