/**
 * Sealed electronic submissions: the opening committee and its key, encrypted deposits, signed
 * receipts, the hash-chained deposits register and the opening of bids. The tenders module knows
 * nothing of it: the publication check and the notice links come in through tenders' ports.
 */

export { type CountedBid, countedBidsOf } from './countedBids.js';
export { verifyReceipt } from './domain/receipt.js';
export { verifyChain } from './domain/register.js';
export { submissionsMessages } from './messages.js';
export { checkRegister, registerEntries } from './registerEntries.js';
export { submissionsRoutes } from './routes.js';
export { signingKey } from './signingKey.js';
export { keyUnopenableCommittee, testTenderId, testTenderReference, testTenderSettingKey } from './testTender.js';
