/** The organisation that runs the platform: its operators and administrators belong to it. */
export const platformOrganisationName = 'Halle — exploitant de la plateforme';

/** How long a first-administrator link stays valid. */
export const setupLinkHours = 24;

/** The `platform_settings` key holding the hash of the pending setup link. */
export const setupTokenKey = 'admin_setup_token';

export interface SetupTokenValue {
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export function isSetupTokenValue(value: unknown): value is SetupTokenValue {
  const v = value as Partial<SetupTokenValue> | null;
  return typeof v?.tokenHash === 'string' && typeof v.expiresAt === 'string';
}

/** A link works once, before its expiry. */
export function isSetupTokenUsable(value: SetupTokenValue, now: Date): boolean {
  return value.usedAt === null && new Date(value.expiresAt).getTime() > now.getTime();
}
