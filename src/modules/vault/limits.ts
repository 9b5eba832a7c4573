/**
 * The largest vault file: certificates and references are scans of a few pages. A mutable object
 * so tests can lower it without sending megabytes.
 */
export const vaultLimits = {
  maxFileBytes: 20 * 1024 * 1024,
};
