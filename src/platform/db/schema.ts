import type { ColumnType, Generated } from 'kysely';

/** Columns with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type OrganisationKind = 'buyer' | 'company' | 'platform';
export type CompanySize = 'TPE' | 'PME' | 'ETI' | 'GE';
export type Role =
  | 'buyer_agent'
  | 'buyer_admin'
  | 'company_member'
  | 'company_admin'
  | 'platform_operator'
  | 'platform_admin';

export interface OrganisationsTable {
  id: string;
  kind: OrganisationKind;
  name: string;
  siret: string | null;
  siren: ColumnType<string | null, never, never>;
  legal_category: string | null;
  naf: string | null;
  size: CompanySize | null;
  department: string | null;
  city: string | null;
  is_ess: Defaulted<boolean>;
  is_siae: Defaulted<boolean>;
  member_since: string | null;
  member_until: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  email_verified_at: NullableTimestamp;
  locale: Defaulted<'fr' | 'en'>;
  failed_login_count: Defaulted<number>;
  locked_until: NullableTimestamp;
  disabled_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  user_id: string;
  organisation_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface InvitationsTable {
  id: string;
  organisation_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  revoked_at: NullableTimestamp;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  active_organisation_id: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export type EmailTokenPurpose = 'verify_email' | 'reset_password' | 'admin_setup';

export interface EmailTokensTable {
  id: string;
  user_id: string;
  purpose: EmailTokenPurpose;
  token_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string | null;
  succeeded: boolean;
  attempted_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  organisation_id: string;
  name: string;
  token_prefix: string;
  token_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export type MailStatus = 'pending' | 'sent' | 'kept' | 'failed';

export interface OutboxMailsTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  template: string;
  status: Defaulted<MailStatus>;
  attempts: Defaulted<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  /** extra headers (List-Unsubscribe…), migration 0005 */
  headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
}

export type ActorType = 'user' | 'api_token' | 'system' | 'cli' | 'anonymous';

export interface AuditEventsTable {
  id: string;
  occurred_at: Timestamp;
  actor_type: ActorType;
  actor_user_id: string | null;
  actor_api_token_id: string | null;
  organisation_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface PlatformSettingsTable {
  key: string;
  value: unknown;
  updated_at: Timestamp;
}

export interface MigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export type TenderStatus =
  | 'draft'
  | 'published'
  | 'closed'
  | 'opened'
  | 'evaluation'
  | 'awarded'
  | 'unsuccessful'
  | 'cancelled';
export type ProcedureType =
  | 'adapted'
  | 'open'
  | 'restricted'
  | 'competitive_negotiation'
  | 'competitive_dialogue'
  | 'negotiated_without_notice'
  | 'design_contest';
export type MainCategory = 'works' | 'goods' | 'services';
export type ReservedContract = 'siae' | 'ea_esat';
export type DocumentType = 'rc' | 'ccap' | 'cctp' | 'bpu' | 'dqe' | 'dpgf' | 'ae' | 'plans' | 'other';
export type CriterionKind = 'price' | 'quality' | 'environmental' | 'social' | 'other';

export interface BlobsTable {
  id: string;
  storage_key: string;
  size_bytes: number;
  sha256: string;
  content_type: Defaulted<string>;
  created_at: Timestamp;
}

export interface ReferenceCountersTable {
  scope: string;
  year: number;
  last_value: number;
}

/** Clause flags shared by tenders and lots. */
interface ClauseColumns {
  reserved_contract: ReservedContract | null;
  social_clause_insertion: Defaulted<boolean>;
  social_clause_other: Defaulted<boolean>;
  environmental_clause: Defaulted<boolean>;
  environmental_criterion: Defaulted<boolean>;
}

export interface TendersTable extends ClauseColumns {
  id: string;
  reference: string;
  buyer_id: string;
  source: Defaulted<string>;
  source_url: string | null;
  status: Defaulted<TenderStatus>;
  title: string;
  internal_reference: string | null;
  description: Defaulted<string>;
  procedure_type: ProcedureType;
  main_category: MainCategory;
  cpv_codes: Defaulted<string[]>;
  estimated_value_cents: number | null;
  department: string | null;
  nuts_code: string | null;
  duration_months: number | null;
  variants_allowed: Defaulted<boolean>;
  has_options: Defaulted<boolean>;
  options_description: string | null;
  submission_deadline: NullableTimestamp;
  candidature_deadline: NullableTimestamp;
  questions_deadline: NullableTimestamp;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  electronic_signature_required: Defaulted<boolean>;
  max_file_size_bytes: Defaulted<number>;
  backup_copy_allowed: Defaulted<boolean>;
  dce_version: Defaulted<number>;
  status_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
  closed_at: NullableTimestamp;
}

export interface LotsTable extends ClauseColumns {
  id: string;
  tender_id: string;
  number: number;
  title: string;
  description: Defaulted<string>;
  cpv_codes: Defaulted<string[]>;
  estimated_value_cents: number | null;
}

export interface AwardCriteriaTable {
  id: string;
  tender_id: string;
  lot_id: string | null;
  position: number;
  label: string;
  kind: Defaulted<CriterionKind>;
  weight_bp: number;
}

export interface TenderDocumentsTable {
  id: string;
  tender_id: string;
  blob_id: string;
  file_name: string;
  document_type: DocumentType;
  size_bytes: number;
  sha256: string;
  added_in_version: Defaulted<number>;
  removed_in_version: number | null;
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface CorrigendaTable {
  id: string;
  tender_id: string;
  number: number;
  reason: string;
  changes: unknown;
  dce_version: number;
  published_at: Timestamp;
  published_by: string | null;
}

export interface RetrievalsTable {
  id: string;
  tender_id: string;
  dce_version: number;
  document_id: string | null;
  user_id: string | null;
  organisation_id: string | null;
  retrieved_at: Timestamp;
}

export interface ClarificationsTable {
  id: string;
  tender_id: string;
  number: number;
  question: string;
  asked_by: string | null;
  company_id: string | null;
  asked_at: Timestamp;
  answer: string | null;
  answered_by: string | null;
  answered_at: NullableTimestamp;
}

// ---- search (migration 0003) ----

export interface DomainEventsTable {
  id: string;
  type: string;
  aggregate_id: string | null;
  payload: ColumnType<unknown, string | undefined, string>;
  occurred_at: Timestamp;
  dispatched_at: NullableTimestamp;
  attempts: Defaulted<number>;
  last_error: string | null;
}

/** Every write to search_documents, recorded by a trigger (0008): the in-memory indexes follow it. */
export interface SearchChangesTable {
  seq: Generated<string>;
  tender_id: string;
  changed_at: Generated<Date>;
}

export interface SearchDocumentsTable {
  tender_id: string;
  source: Defaulted<string>;
  source_url: string | null;
  reference: string;
  title: string;
  description: Defaulted<string>;
  lots_text: Defaulted<string>;
  cpv_codes: Defaulted<string[]>;
  cpv_labels: Defaulted<string>;
  cpv_divisions: Defaulted<string[]>;
  buyer_id: string | null;
  buyer_name: Defaulted<string>;
  department: string | null;
  procedure_type: string;
  main_category: string;
  social_clause: Defaulted<boolean>;
  environmental_clause: Defaulted<boolean>;
  reserved_contract: Defaulted<boolean>;
  status: string;
  published_at: Timestamp;
  submission_deadline: NullableTimestamp;
  title_plain: Defaulted<string>;
  buyer_plain: Defaulted<string>;
  document: ColumnType<string, never, never>;
  indexed_at: Timestamp;
}

// ---- watchlist (migration 0004) ----

export interface WatchlistEntriesTable {
  user_id: string;
  tender_id: string;
  company_id: string;
  added_at: Timestamp;
}

export interface WatchlistCalendarTokensTable {
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
}

// ---- company space (migration 0007) ----
export type RegistrySource = 'embedded' | 'http' | 'manual';
export interface CompanyProfilesTable {
  organisation_id: string;
  address: Defaulted<string>;
  postal_code: Defaulted<string>;
  head_office: Defaulted<boolean>;
  description: Defaulted<string>;
  keywords: Defaulted<string>;
  cpv_codes: Defaulted<string[]>;
  source: Defaulted<RegistrySource>;
  in_directory: Defaulted<boolean>;
  updated_at: Timestamp;
}
export type VaultDocumentType = 'kbis' | 'urssaf' | 'tax' | 'insurance' | 'reference' | 'certification' | 'other';
export interface VaultDocumentsTable {
  id: string;
  organisation_id: string;
  blob_id: string;
  document_type: VaultDocumentType;
  title: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  /** a date (YYYY-MM-DD) */
  valid_until: string | null;
  uploaded_by: string | null;
  created_at: Timestamp;
  reminder_sent_at: NullableTimestamp;
}
export interface DirectorySelectionsTable {
  id: string;
  buyer_id: string;
  name: string;
  created_by: string | null;
  created_at: Timestamp;
}
export interface DirectorySelectionCompaniesTable {
  selection_id: string;
  company_id: string;
  added_at: Timestamp;
}
export type PartneringRole = 'lead' | 'cocontractor' | 'subcontractor';
export interface PartneringEntriesTable {
  tender_id: string;
  company_id: string;
  role: PartneringRole;
  note: Defaulted<string>;
  skills: Defaulted<string>;
  declared_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface PartneringContactsTable {
  id: string;
  tender_id: string;
  from_company_id: string;
  to_company_id: string;
  sent_by: string | null;
  message: string;
  created_at: Timestamp;
}
export interface PurchaseIntentionsTable {
  id: string;
  buyer_id: string;
  title: string;
  description: Defaulted<string>;
  cpv_code: string;
  estimated_value_cents: number | null;
  /** a date (YYYY-MM-DD) */
  expected_on: string;
  status: Defaulted<'published' | 'converted'>;
  tender_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}
export interface IntentionTargetsTable {
  intention_id: string;
  company_id: string;
}
export interface IntentionInterestsTable {
  intention_id: string;
  company_id: string;
  user_id: string | null;
  note: Defaulted<string>;
  created_at: Timestamp;
}
export interface DumeResponsesTable {
  tender_id: string;
  company_id: string;
  /** ESPD criterion property id → indicator answer */
  answers: ColumnType<Record<string, boolean>, string | undefined, string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

// ---- messaging (migration 0009) ----

export type MessageSide = 'buyer' | 'company';
export type MessageCategoryValue =
  | 'message'
  | 'completion_request'
  | 'rejection_letter'
  | 'award_letter'
  | 'contract_notification';
export interface MessageThreadsTable {
  id: string;
  tender_id: string;
  company_id: string;
  created_at: Timestamp;
  last_message_at: Timestamp;
}
export interface MessagesTable {
  id: string;
  thread_id: string;
  sender_side: MessageSide;
  sender_user_id: string | null;
  category: MessageCategoryValue;
  subject: string;
  body: string;
  reply_by: NullableTimestamp;
  created_at: Timestamp;
}
export interface MessageAttachmentsTable {
  id: string;
  message_id: string;
  blob_id: string;
  position: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
}
export interface MessageReceiptsTable {
  message_id: string;
  organisation_id: string;
  delivered_at: Timestamp;
  read_at: NullableTimestamp;
  read_by: string | null;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  login_attempts: LoginAttemptsTable;
  api_tokens: ApiTokensTable;
  outbox_mails: OutboxMailsTable;
  audit_events: AuditEventsTable;
  platform_settings: PlatformSettingsTable;
  halle_migrations: MigrationsTable;
  blobs: BlobsTable;
  reference_counters: ReferenceCountersTable;
  tenders: TendersTable;
  lots: LotsTable;
  award_criteria: AwardCriteriaTable;
  tender_documents: TenderDocumentsTable;
  corrigenda: CorrigendaTable;
  retrievals: RetrievalsTable;
  clarifications: ClarificationsTable;
  domain_events: DomainEventsTable;
  search_documents: SearchDocumentsTable;
  watchlist_entries: WatchlistEntriesTable;
  watchlist_calendar_tokens: WatchlistCalendarTokensTable;
  search_changes: SearchChangesTable;
  opening_committees: OpeningCommitteesTable;
  committee_holders: CommitteeHoldersTable;
  submissions: SubmissionsTable;
  submission_files: SubmissionFilesTable;
  deposit_register: DepositRegisterTable;
  backup_copy_declarations: BackupCopyDeclarationsTable;
  opening_sessions: OpeningSessionsTable;
  opening_session_shares: OpeningSessionSharesTable;
  opening_reports: OpeningReportsTable;
  company_profiles: CompanyProfilesTable;
  vault_documents: VaultDocumentsTable;
  directory_selections: DirectorySelectionsTable;
  directory_selection_companies: DirectorySelectionCompaniesTable;
  partnering_entries: PartneringEntriesTable;
  partnering_contacts: PartneringContactsTable;
  purchase_intentions: PurchaseIntentionsTable;
  intention_targets: IntentionTargetsTable;
  intention_interests: IntentionInterestsTable;
  dume_responses: DumeResponsesTable;
  message_threads: MessageThreadsTable;
  messages: MessagesTable;
  message_attachments: MessageAttachmentsTable;
  message_receipts: MessageReceiptsTable;
  alerts: AlertsTable;
  notifications: NotificationsTable;
  mail_address_flags: MailAddressFlagsTable;
  submission_uploads: SubmissionUploadsTable;
  submission_upload_segments: SubmissionUploadSegmentsTable;
  // evaluation (migration 0010)
  evaluations: EvaluationsTable;
  lot_evaluations: LotEvaluationsTable;
  candidature_assessments: CandidatureAssessmentsTable;
  offer_assessments: OfferAssessmentsTable;
  offer_scores: OfferScoresTable;
  lot_decisions: LotDecisionsTable;
  contracts: ContractsTable;
  contract_modifications: ContractModificationsTable;
  contract_subcontracts: ContractSubcontractsTable;
  contract_insertion_reports: ContractInsertionReportsTable;
  contract_end_reminders: ContractEndRemindersTable;
  decp_records: DecpRecordsTable;
}

// ---- contracts (migration 0011) ----

export type ContractStatus = 'awaiting_notification' | 'notified' | 'in_execution' | 'ended' | 'terminated';
/** a date column (YYYY-MM-DD) */
type DateColumn = ColumnType<string, string, string>;
type NullableDateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string, string>;
type DefaultedJson<T> = ColumnType<T, string | undefined, string>;

export interface ContractsTable {
  id: string;
  award_id: string;
  decp_id: string;
  tender_id: string;
  lot_id: string;
  lot_number: number;
  buyer_id: string;
  company_id: string;
  status: Defaulted<ContractStatus>;
  object: string;
  contractors: Json<{ name: string; siret: string | null }[]>;
  grouping_type: 'Conjoint' | 'Solidaire' | 'Pas de groupement';
  amount_cents: number | null;
  start_date: NullableDateColumn;
  duration_months: number | null;
  ends_on: NullableDateColumn;
  has_options: Defaulted<boolean>;
  options_description: string | null;
  cpv_code: string | null;
  place_code: string | null;
  place_type: string | null;
  procedure: string | null;
  nature: Defaulted<string>;
  price_types: DefaultedJson<string[]>;
  price_form: string | null;
  techniques: DefaultedJson<string[]>;
  execution_modes: DefaultedJson<string[]>;
  framework_agreement_id: string | null;
  innovative: Defaulted<boolean>;
  ccag: string | null;
  offers_received: number | null;
  advance_granted: Defaulted<boolean>;
  /** numeric: read as a string by pg */
  advance_rate: ColumnType<string | number | null, number | null | undefined, number | null>;
  subcontracting_declared: Defaulted<boolean>;
  social_considerations: DefaultedJson<string[]>;
  environmental_considerations: DefaultedJson<string[]>;
  insertion_clause: Defaulted<boolean>;
  standstill_ends_at: Timestamp;
  document_blob_id: string | null;
  document_file_name: string | null;
  notified_at: NullableTimestamp;
  notification_date: NullableDateColumn;
  award: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContractModificationsTable {
  id: string;
  contract_id: string;
  number: number;
  object: string;
  new_amount_cents: number | null;
  new_end_date: NullableDateColumn;
  new_duration_months: number | null;
  notified_on: DateColumn;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ContractSubcontractsTable {
  id: string;
  contract_id: string;
  number: number;
  siret: string;
  name: string;
  amount_cents: number;
  direct_payment: boolean;
  duration_months: number;
  price_variation: 'Ferme' | 'Actualisable' | 'Révisable';
  notified_on: DateColumn;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ContractInsertionReportsTable {
  contract_id: string;
  period: string;
  hours_planned: number;
  hours_done: number;
  reported_by: string | null;
  reported_at: Timestamp;
}

export interface ContractEndRemindersTable {
  contract_id: string;
  days_before: number;
  ends_on: DateColumn;
  sent_at: Timestamp;
}

export interface DecpRecordsTable {
  id: string;
  contract_id: string;
  sequence: number;
  kind: 'initial' | 'modification' | 'subcontracting';
  record: Json<Record<string, unknown>>;
  published_at: Timestamp;
}

// ---- submissions (migration 0006) ----

export interface OpeningCommitteesTable {
  tender_id: string;
  threshold: number;
  public_key: string | null;
  key_check: ColumnType<unknown, string | null | undefined, string | null>;
  named_by: string | null;
  named_at: Timestamp;
  keyed_at: NullableTimestamp;
  register_length: Defaulted<number>;
  register_head: Defaulted<string>;
}

export interface CommitteeHoldersTable {
  id: string;
  tender_id: string;
  user_id: string;
  role: 'member' | 'backup';
  position: number;
  holder_public_key: string | null;
  sealed_holder_key: ColumnType<unknown, string | null | undefined, string | null>;
  passphrase_set_at: NullableTimestamp;
  share_enc: string | null;
  share_ct: string | null;
}

export interface SubmissionsTable {
  id: string;
  tender_id: string;
  company_id: string;
  created_by: string | null;
  status: Defaulted<'draft' | 'sealed'>;
  lot_numbers: Defaulted<number[]>;
  consortium: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  sealed_at: NullableTimestamp;
  sealed_by: string | null;
  late: boolean | null;
  register_position: number | null;
  receipt: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface SubmissionFilesTable {
  id: string;
  submission_id: string;
  kind: 'candidature' | 'offer';
  lot_number: number | null;
  file_name: string;
  blob_id: string;
  size_bytes: number;
  sha256: string;
  cipher_size_bytes: number;
  cipher_sha256: string;
  key_enc: string;
  key_ct: string;
  opened_key: string | null;
  created_at: Timestamp;
}

export interface DepositRegisterTable {
  tender_id: string;
  position: number;
  submission_id: string;
  previous_hash: string;
  entry_hash: string;
  content: ColumnType<unknown, string, string>;
  recorded_at: Timestamp;
}

export interface BackupCopyDeclarationsTable {
  id: string;
  tender_id: string;
  company_id: string;
  declared_by: string | null;
  medium: string;
  declared_at: Timestamp;
}

export interface OpeningSessionsTable {
  id: string;
  tender_id: string;
  started_by: string | null;
  started_at: Timestamp;
  expires_at: Timestamp;
  completed_at: NullableTimestamp;
}

export interface OpeningSessionSharesTable {
  session_id: string;
  holder_id: string;
  sealed_share: string;
  given_at: Timestamp;
}

export interface OpeningReportsTable {
  tender_id: string;
  opened_at: Timestamp;
  opened_by: string | null;
  holder_ids: string[];
  report: ColumnType<unknown, string, string>;
}

// ---- alerts (migration 0005) ----

export type AlertFrequency = 'immediate' | 'daily';
export type NotificationKind = 'alert_match' | 'corrigendum' | 'answer';
export type NotificationDelivery = 'immediate' | 'digest' | 'none';

export interface AlertsTable {
  id: string;
  user_id: string;
  company_id: string;
  name: string;
  query_string: string;
  keywords: Defaulted<string>;
  /** tsquery text; written through SQL (`websearch_to_tsquery`) */
  keywords_query: ColumnType<string | null, never, never>;
  match_keys: string[];
  cpv_divisions: Defaulted<string[]>;
  departments: Defaulted<string[]>;
  procedures: Defaulted<string[]>;
  categories: Defaulted<string[]>;
  buyer_ids: Defaulted<string[]>;
  clauses: Defaulted<string[]>;
  frequency: AlertFrequency;
  paused_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  tender_id: string;
  kind: NotificationKind;
  discriminator: Defaulted<string>;
  alert_id: string | null;
  tender_reference: string;
  title: string;
  detail: Defaulted<string>;
  link: string;
  delivery: NotificationDelivery;
  mail_id: string | null;
  digested_at: NullableTimestamp;
  read_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface MailAddressFlagsTable {
  address: string;
  reason: string;
  flagged_at: Timestamp;
}

export interface SubmissionUploadsTable {
  id: string;
  submission_id: string;
  company_id: string;
  created_by: string | null;
  kind: 'candidature' | 'offer';
  lot_number: number | null;
  file_name: string;
  file_id: string;
  length: number;
  committed: Defaulted<number>;
  next_chunk: Defaulted<number>;
  secret_hash: string;
  sealed_key: string | null;
  key_enc: string;
  key_ct: string;
  created_at: Timestamp;
  completed_at: NullableTimestamp;
}

export interface SubmissionUploadSegmentsTable {
  upload_id: string;
  number: number;
  blob_id: string;
  first_chunk: number;
  chunk_count: number;
  plain_bytes: number;
}

// ---- evaluation (migration 0010) ----

export type Admissibility = 'complete' | 'to_complete' | 'rejected';
export type OfferClassification = 'regular' | 'irregular' | 'unacceptable' | 'inappropriate';
export type PriceFormula = 'proportional' | 'linear_min' | 'linear_min_max';
export type ScaleMode = 'scale' | 'points';
export type LotOutcome = 'awarded' | 'unsuccessful' | 'cancelled';

export interface EvaluationsTable {
  tender_id: string;
  started_at: Timestamp;
  started_by: string | null;
}

export interface LotEvaluationsTable {
  lot_id: string;
  tender_id: string;
  criteria: ColumnType<unknown, string, string>;
  scale_mode: Defaulted<ScaleMode>;
  scale_max: Defaulted<number>;
  price_formula: Defaulted<PriceFormula>;
  winning_offer_strengths: string | null;
  updated_at: Timestamp;
}

export interface CandidatureAssessmentsTable {
  submission_id: string;
  tender_id: string;
  status: Admissibility;
  reason: string | null;
  reply_by: NullableTimestamp;
  request_message_id: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface OfferAssessmentsTable {
  lot_id: string;
  submission_id: string;
  classification: OfferClassification | null;
  classification_reason: string | null;
  regularised: Defaulted<boolean>;
  amount_cents: number | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface OfferScoresTable {
  lot_id: string;
  submission_id: string;
  criterion_id: string;
  points_centi: number;
}

export interface LotDecisionsTable {
  id: string;
  tender_id: string;
  lot_id: string;
  outcome: LotOutcome;
  reason: string | null;
  winner_submission_id: string | null;
  winner_company_id: string | null;
  offer_amount_cents: number | null;
  winner_total_micro: number | null;
  ranking: ColumnType<unknown, string | undefined, string>;
  standstill_ends_at: NullableTimestamp;
  decided_at: Timestamp;
  decided_by: string | null;
}
