/** How long an invitation link stays valid. */
export const invitationTtlMs = 7 * 24 * 3600 * 1000;

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

/** An invitation is usable once, until it expires or an admin revokes it. */
export function invitationState(
  invitation: { accepted_at: Date | null; revoked_at: Date | null; expires_at: Date },
  now = new Date(),
): InvitationState {
  if (invitation.accepted_at) return 'accepted';
  if (invitation.revoked_at) return 'revoked';
  if (invitation.expires_at.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}
