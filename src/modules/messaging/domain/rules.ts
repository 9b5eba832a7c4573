import type { FieldError } from '../../../platform/errors.js';

/** The kinds of message: free messages and the letters other modules post through messaging. */
export const messageCategories = [
  'message',
  'completion_request',
  'rejection_letter',
  'award_letter',
  'contract_notification',
] as const;
export type MessageCategory = (typeof messageCategories)[number];

/**
 * Limits of one message. A mutable object (not constants) so tests can lower the attachment size
 * without sending megabytes.
 */
export const messageLimits = {
  maxSubjectChars: 200,
  maxBodyChars: 20_000,
  maxAttachments: 10,
  maxAttachmentBytes: 20 * 1024 * 1024,
};

/** Characters as PostgreSQL's length() counts them (code points, not UTF-16 units). */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Why a subject, body or category is refused (catalogue keys next to their field); pure. */
export function checkMessageText(input: { category: string; subject: string; body: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (!(messageCategories as readonly string[]).includes(input.category)) {
    errors.push({ field: 'category', message: 'messaging.error.category' });
  }
  const subject = charCount(input.subject.trim());
  if (subject === 0) errors.push({ field: 'subject', message: 'messaging.error.subject_required' });
  else if (subject > messageLimits.maxSubjectChars) {
    errors.push({ field: 'subject', message: 'messaging.error.subject_too_long' });
  }
  if (input.body.trim() === '') errors.push({ field: 'body', message: 'messaging.error.body_required' });
  else if (charCount(input.body) > messageLimits.maxBodyChars) {
    errors.push({ field: 'body', message: 'messaging.error.body_too_long' });
  }
  return errors;
}
