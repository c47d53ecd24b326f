-- Trained portrait models (e.g. complaint risk, 投诉风险度): every training run is kept as a
-- version with its weights and hold-out metrics; one version per model is live and feeds the
-- weighted score of the same code (src/portraits/complaint-risk). A small reference table.
CREATE TABLE portrait_model (
  model_code    text NOT NULL,
  version       integer NOT NULL,
  trained_at    timestamptz NOT NULL DEFAULT now(),
  -- The end of the history the model learnt from (labels and hold-out end here).
  trained_as_of timestamptz NOT NULL,
  -- {intercept, features: {<feature code>: {weight, center, scale}}}: the score's linear
  -- predictor is intercept + Σ weight × (value − center) ÷ scale.
  weights       jsonb NOT NULL,
  -- {auc, baselineAuc, trainRows, positives, holdoutRows, holdoutPositives, …}
  metrics       jsonb NOT NULL,
  status        text NOT NULL CHECK (status IN ('live', 'retired')),
  PRIMARY KEY (model_code, version)
);
CREATE UNIQUE INDEX portrait_model_live_idx ON portrait_model (model_code) WHERE status = 'live';
