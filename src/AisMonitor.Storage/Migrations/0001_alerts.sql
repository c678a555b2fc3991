-- Alerts as detection writes them (replaced by every update of the same alert id), and the
-- analysts' triage kept apart from them: a re-run of detection never touches triage rows.

CREATE TABLE alert (
    id                text PRIMARY KEY,               -- derived from kind, MMSI and start: idempotent writes
    kind              text NOT NULL,
    mmsi              integer NOT NULL,
    imo               integer,
    vessel_name       text,
    start_time        timestamptz NOT NULL,
    end_time          timestamptz,                    -- null while open; the interval is [start_time, end_time)
    is_open           boolean GENERATED ALWAYS AS (end_time IS NULL) STORED,
    severity          text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    severity_reason   text NOT NULL,
    score             double precision NOT NULL,
    score_explanation text NOT NULL,
    rules             jsonb NOT NULL,                 -- every rule evaluated, with its numbers
    evidence          jsonb,                          -- positions around it, displacement, reception
    latitude          double precision,               -- where it happened
    longitude         double precision,
    first_raised      timestamptz NOT NULL,           -- event time
    last_updated      timestamptz NOT NULL,           -- event time of the latest detection update
    stored_first      timestamptz NOT NULL DEFAULT now(),
    stored_last       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX alert_start_time ON alert (start_time DESC);
CREATE INDEX alert_severity_start_time ON alert (severity, start_time DESC);
CREATE INDEX alert_mmsi_start_time ON alert (mmsi, start_time DESC);
CREATE INDEX alert_open ON alert (start_time DESC) WHERE end_time IS NULL;

CREATE TABLE alert_triage (
    alert_id         text PRIMARY KEY REFERENCES alert (id),
    status           text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'escalated', 'dismissed', 'resolved')),
    dismissal_reason text,
    assignee         text,
    notes            text,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       text,
    CHECK (status <> 'dismissed' OR dismissal_reason IS NOT NULL)
);

CREATE INDEX alert_triage_status ON alert_triage (status);

CREATE TABLE alert_triage_history (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id   text NOT NULL REFERENCES alert (id),
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by text NOT NULL,
    field      text NOT NULL,
    from_value text,
    to_value   text
);

CREATE INDEX alert_triage_history_alert ON alert_triage_history (alert_id, changed_at);

CREATE FUNCTION alert_triage_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'alert_triage_history is append-only';
END;
$$;

CREATE TRIGGER alert_triage_history_append_only
    BEFORE UPDATE OR DELETE ON alert_triage_history
    FOR EACH ROW EXECUTE FUNCTION alert_triage_history_is_append_only();
