-- The live worker's checkpoints: the whole engine state (gzip-compressed JSON, EngineSnapshot)
-- and where each source got to, one row per worker name, replaced at each checkpoint.
CREATE TABLE engine_checkpoint (
    worker      text        PRIMARY KEY,
    taken_at    timestamptz NOT NULL,
    watermark   timestamptz,
    sources     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    snapshot    bytea       NOT NULL
);
