import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Inbound ids are echoed into logs and headers, so only short, safe tokens are trusted. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's id when it is a safe token (so a proxy's or client's id links the logs), else a new one. */
export function resolveRequestId(inbound: string | readonly string[] | undefined): string {
  return typeof inbound === 'string' && SAFE_REQUEST_ID.test(inbound) ? inbound : randomUUID();
}
