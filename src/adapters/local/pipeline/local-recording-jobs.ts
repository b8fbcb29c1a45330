import { randomUUID } from 'node:crypto';
import { enqueueRoomEnded } from '../../../core/pipeline/room-ended';
import type { Clock } from '../../../ports/clock';
import type { RecordingJobs, RoomEndedEvent } from '../../../ports/recording-jobs';
import type { Db } from '../db';
import { SqlitePipelineStore } from './sqlite-pipeline-store';

/**
 * Local "room ended" handler: inserts the room's job if absent (a duplicate delivery is a no-op)
 * and nudges the worker when it runs in this process; a worker in another process polls.
 */
export class SqliteRecordingJobs implements RecordingJobs {
  private readonly store: SqlitePipelineStore;

  constructor(
    db: Db,
    private readonly o: { onEnqueued?: () => void; clock?: Clock; newRecordingId?: () => string } = {},
  ) {
    this.store = new SqlitePipelineStore(db);
  }

  async roomEnded(event: RoomEndedEvent): Promise<void> {
    const inserted = await enqueueRoomEnded(
      this.store,
      event,
      this.o.newRecordingId ?? (() => `RE${randomUUID().replace(/-/g, '')}`),
      (this.o.clock?.now() ?? new Date()),
    );
    if (inserted) this.o.onEnqueued?.();
  }
}

/** What the local back end wires into CoreDeps.recordingJobs. */
export const createLocalRecordingJobs = (db: Db, onEnqueued?: () => void): SqliteRecordingJobs =>
  new SqliteRecordingJobs(db, { onEnqueued });
