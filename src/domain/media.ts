/** Media vocabulary shared by the browser client, the ports and the recording pipeline. */
export type TrackKind = 'audio' | 'video';
export type TrackSource = 'camera' | 'microphone' | 'screen';
