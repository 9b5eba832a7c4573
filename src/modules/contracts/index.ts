/**
 * Contracts: created from an award (`lot.awarded`), completed by the buyer, notified to the winner
 * after the standstill (a message through messaging), modified, subcontracted, followed up
 * (social insertion hours per quarter, end reminders), and their essential data (DECP 2022)
 * published append-only at notification and at each modification, exported at
 * `GET /api/v1/decp.json` and `GET /api/v1/decp.xml`. Other modules import only this file.
 *
 * Events recorded: `contract.created` { id, awardId, tenderId, lotId, buyerId, companyId },
 * `contract.notified` { id, tenderId, lotId, buyerId, companyId, notificationDate },
 * `contract.modified` { id, number, decpRecordId }, `contract.subcontract_declared`,
 * `contract.status_changed` { id, from, to }.
 */
export { contractsSubscribers, createContractFromAward } from './createFromAward.js';
export { contractsMessages } from './messages.js';
export { startContractReminderWorker } from './reminderJobs.js';
export { contractsRoutes } from './routes.js';
export { seedDemoContracts } from './seedDemoContracts.js';
export { sendEndReminders } from './sendEndReminders.js';
