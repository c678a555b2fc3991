-- The queue sorts by severity (highest first, then newest) and by the latest detection update as
-- well as by start, and filters by triage status without a probe of the triage table per row.
--
-- Severity is text; its rank is a stored column so that it can be indexed and compared in a keyset.
-- The triage status is copied onto the alert by a trigger on alert_triage (which stays the record):
-- detection's upserts never write it, so a re-run of detection still leaves triage alone. Each order
-- gets an index in its keyset order, and the status filter one under the start and severity orders,
-- so their pages cost what the default order's do. Adding the columns rewrites the alert table once.

ALTER TABLE alert
    ADD COLUMN severity_rank smallint NOT NULL
        GENERATED ALWAYS AS (CASE severity WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END) STORED,
    ADD COLUMN triage_status text NOT NULL DEFAULT 'new';

UPDATE alert a SET triage_status = t.status FROM alert_triage t WHERE t.alert_id = a.id AND t.status <> 'new';

CREATE FUNCTION alert_triage_status_to_alert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE alert SET triage_status = NEW.status WHERE id = NEW.alert_id;
    RETURN NULL;
END $$;

CREATE TRIGGER alert_triage_status_inserted AFTER INSERT ON alert_triage
    FOR EACH ROW WHEN (NEW.status <> 'new') EXECUTE FUNCTION alert_triage_status_to_alert();
CREATE TRIGGER alert_triage_status_changed AFTER UPDATE OF status ON alert_triage
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION alert_triage_status_to_alert();

CREATE INDEX alert_queue_by_severity ON alert (severity_rank DESC, start_time DESC, id DESC);
CREATE INDEX alert_queue_by_update ON alert (last_updated DESC, id DESC);
CREATE INDEX alert_queue_status ON alert (triage_status, start_time DESC, id DESC);
CREATE INDEX alert_queue_status_by_severity ON alert (triage_status, severity_rank DESC, start_time DESC, id DESC);

DROP INDEX alert_triage_status_alert;
