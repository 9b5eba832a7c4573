-- Evaluation of offers and award decisions (issue #7): the evaluation of an opened tender, per lot
-- the criteria and weights frozen when it started, the admissibility of each candidature, the
-- classification, amount and scores of each offer, and the decision taken for each lot.

-- One row per tender whose evaluation has started (tender status opened → evaluation).
CREATE TABLE evaluations (
  tender_id uuid PRIMARY KEY REFERENCES tenders (id),
  started_at timestamptz NOT NULL,
  started_by uuid REFERENCES users (id)
);

-- Per lot: the award criteria and their weights as they stood when the evaluation started (checked
-- against award_criteria before every change: they can never move after opening), the scoring scale
-- (a mark out of scale_max for every criterion, or 'points': each criterion scored directly out of its
-- weight) and the price formula.
CREATE TABLE lot_evaluations (
  lot_id uuid PRIMARY KEY REFERENCES lots (id),
  tender_id uuid NOT NULL REFERENCES evaluations (tender_id),
  criteria jsonb NOT NULL,
  scale_mode text NOT NULL DEFAULT 'scale' CHECK (scale_mode IN ('scale', 'points')),
  scale_max integer NOT NULL DEFAULT 20 CHECK (scale_max BETWEEN 1 AND 1000),
  price_formula text NOT NULL DEFAULT 'proportional'
    CHECK (price_formula IN ('proportional', 'linear_min', 'linear_min_max')),
  winning_offer_strengths text CHECK (length(winning_offer_strengths) <= 5000),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lot_evaluations_tender ON lot_evaluations (tender_id);

-- Admissibility of a candidature (one per counted submission, whatever the lots).
CREATE TABLE candidature_assessments (
  submission_id uuid PRIMARY KEY REFERENCES submissions (id),
  tender_id uuid NOT NULL REFERENCES evaluations (tender_id),
  status text NOT NULL CHECK (status IN ('complete', 'to_complete', 'rejected')),
  reason text CHECK (length(reason) <= 5000),
  reply_by timestamptz,
  request_message_id uuid,
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES users (id),
  CHECK (status = 'complete' OR (reason IS NOT NULL AND length(reason) > 0)),
  CHECK ((status = 'to_complete') = (reply_by IS NOT NULL))
);
CREATE INDEX candidature_assessments_tender ON candidature_assessments (tender_id);

-- An offer of a lot: classification (R2152-1 and following), amount (cents, excl. VAT) and scores.
CREATE TABLE offer_assessments (
  lot_id uuid NOT NULL REFERENCES lot_evaluations (lot_id),
  submission_id uuid NOT NULL REFERENCES submissions (id),
  classification text CHECK (classification IN ('regular', 'irregular', 'unacceptable', 'inappropriate')),
  classification_reason text CHECK (length(classification_reason) <= 5000),
  regularised boolean NOT NULL DEFAULT false,
  amount_cents bigint CHECK (amount_cents > 0),
  updated_at timestamptz NOT NULL,
  updated_by uuid REFERENCES users (id),
  PRIMARY KEY (lot_id, submission_id),
  CHECK (classification IS NULL OR classification = 'regular'
         OR (classification_reason IS NOT NULL AND length(classification_reason) > 0))
);

-- Scores of the non-price criteria, in hundredths of a point (15.5 out of 20 = 1550).
CREATE TABLE offer_scores (
  lot_id uuid NOT NULL,
  submission_id uuid NOT NULL,
  criterion_id uuid NOT NULL,
  points_centi integer NOT NULL CHECK (points_centi >= 0),
  PRIMARY KEY (lot_id, submission_id, criterion_id),
  FOREIGN KEY (lot_id, submission_id) REFERENCES offer_assessments (lot_id, submission_id)
);

-- The decision of a lot: taken once, never changed.
CREATE TABLE lot_decisions (
  id uuid PRIMARY KEY,
  tender_id uuid NOT NULL REFERENCES evaluations (tender_id),
  lot_id uuid NOT NULL UNIQUE REFERENCES lot_evaluations (lot_id),
  outcome text NOT NULL CHECK (outcome IN ('awarded', 'unsuccessful', 'cancelled')),
  reason text CHECK (length(reason) <= 5000),
  winner_submission_id uuid REFERENCES submissions (id),
  winner_company_id uuid REFERENCES organisations (id),
  offer_amount_cents bigint,
  winner_total_micro bigint,
  ranking jsonb NOT NULL DEFAULT '[]',
  standstill_ends_at timestamptz,
  decided_at timestamptz NOT NULL,
  decided_by uuid REFERENCES users (id),
  CHECK ((outcome = 'awarded') = (winner_submission_id IS NOT NULL AND standstill_ends_at IS NOT NULL)),
  CHECK (outcome = 'awarded' OR (reason IS NOT NULL AND length(reason) > 0))
);
CREATE INDEX lot_decisions_tender ON lot_decisions (tender_id);
