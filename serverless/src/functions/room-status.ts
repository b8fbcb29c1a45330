import { z } from 'zod';
import { clipRoomEnded } from '../../../src/core/clips/clip-limits';
import { roomCompleted } from '../../../src/core/end-call';
import { webhookFunction } from '../lib/webhook-function';

/** Twilio Video room status callback: a room that ended (emptied, timed out, completed) ends its call or its clip take. */
export const handler = webhookFunction(
  {
    name: 'room-status',
    path: 'room-status',
    schema: z.object({ StatusCallbackEvent: z.string().min(1), RoomSid: z.string().regex(/^RM[0-9a-f]{32}$/i), RoomName: z.string().min(1).max(128) }).passthrough(),
  },
  async ({ body, backend }) => {
    if (body.StatusCallbackEvent !== 'room-ended') return { ignored: body.StatusCallbackEvent };
    const room = { roomName: body.RoomName, roomSid: body.RoomSid };
    const clip = await clipRoomEnded(backend.deps, room);
    if (clip) return { clipId: clip.id, status: clip.status };
    const ended = await roomCompleted(backend.deps, { roomName: body.RoomName, roomSid: body.RoomSid });
    return { escalationId: ended.id, status: ended.status };
  },
);
