// Moved to src/adapters/media/exec.ts, shared with the Twilio media worker.
export { execTool, type ExecResult } from '../../media/exec';
