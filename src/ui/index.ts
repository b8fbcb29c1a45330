/** Pure React components: Flex mounts them through its glue, the local console mounts them directly. */
export { EscalateButton, type EscalateButtonProps } from './components/EscalateButton';
export { AsyncActionButton, type AsyncActionButtonProps } from './components/AsyncActionButton';
export { VideoPanel, type VideoPanelProps } from './components/VideoPanel';
export { CallControls, type CallControlsProps } from './components/CallControls';
export { CallStage, type CallStageProps } from './components/CallStage';
export { ParticipantVideo, ParticipantAudio, type ParticipantVideoProps } from './components/ParticipantVideo';
export { NetworkQuality } from './components/NetworkQuality';
export { RecordingIndicator } from './components/RecordingIndicator';
export { RecordingProgress, type RecordingProgressProps } from './components/RecordingProgress';
export { RecordingPlayer, type RecordingPlayerProps, type TranscriptSegment } from './components/RecordingPlayer';
export { disconnectMessage, type DisconnectMessage, type Perspective } from './components/disconnect-messages';
export { canShareScreen } from './components/can-share-screen';
export { pickStage, type Stage } from './components/stage';
export { useRoomState, type RoomView } from './hooks/useRoomState';
export { ClipRecorder, type ClipRecorderProps } from './clips/ClipRecorder';
export { clipConnector, type ClipConnect, type ClipMedia } from './clips/clip-connect';
export { agentClipApi, customerClipApi, httpClipApi, type ClipTakeApi, type ClipEndpoint } from './api/clip-api';
