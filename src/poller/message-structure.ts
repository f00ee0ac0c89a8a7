// Reads what the poller needs from a message's FETCH structure: its attachments and its received time.
import type { FetchMessageObject, MessageStructureObject } from 'imapflow';

export function attachmentsOf(node: MessageStructureObject | undefined): { filename: string; bytes: number }[] {
  if (!node) return [];
  if (node.childNodes) return node.childNodes.flatMap(attachmentsOf);
  const filename = node.dispositionParameters?.filename ?? node.parameters?.name;
  return filename ? [{ filename, bytes: node.size ?? 0 }] : [];
}

/** INTERNALDATE as ISO-8601, or null when the server sent none that parses. */
export function internalDateOf(message: FetchMessageObject): string | null {
  const date = message.internalDate === undefined ? null : new Date(message.internalDate);
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}
