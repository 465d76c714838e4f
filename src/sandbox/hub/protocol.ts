/**
 * The SignalR JSON hub protocol, version 1: every message is a JSON text followed by the record
 * separator 0x1E; the first client message is the handshake `{"protocol":"json","version":1}`,
 * answered by `{}` (or `{"error":...}`). Message types are numbered as in SignalR.
 */
const RECORD_SEPARATOR = '\u001e';

export const MessageType = {
  Invocation: 1,
  StreamItem: 2,
  Completion: 3,
  StreamInvocation: 4,
  CancelInvocation: 5,
  Ping: 6,
  Close: 7,
} as const;

export interface HubMessage {
  type: number;
  invocationId?: string;
  target?: string;
  arguments?: unknown[];
  result?: unknown;
  error?: string;
  allowReconnect?: boolean;
}

export function frame(message: object): string {
  return JSON.stringify(message) + RECORD_SEPARATOR;
}

/** Splits a stream of text into complete records; a partial record waits for the rest. */
export class RecordReader {
  private buffer = '';

  push(text: string): string[] {
    this.buffer += text;
    const parts = this.buffer.split(RECORD_SEPARATOR);
    this.buffer = parts.pop() ?? '';
    return parts;
  }
}
