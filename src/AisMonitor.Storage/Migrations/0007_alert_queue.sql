-- The analysts' queue reads a page of alerts newest first under one filter and the next page after
-- the last (start_time, id) it showed (keyset paging): each filter gets an index in that order, so a
-- page is an index range scan of its own size whatever the number of alerts.

CREATE INDEX alert_queue ON alert (start_time DESC, id DESC);
CREATE INDEX alert_queue_kind ON alert (kind, start_time DESC, id DESC);
CREATE INDEX alert_queue_severity ON alert (severity, start_time DESC, id DESC);
CREATE INDEX alert_queue_mmsi ON alert (mmsi, start_time DESC, id DESC);
CREATE INDEX alert_queue_imo ON alert (imo, start_time DESC, id DESC) WHERE imo IS NOT NULL;
CREATE INDEX alert_queue_watch_listed ON alert (start_time DESC, id DESC) WHERE evidence ? 'watch_lists';
CREATE INDEX alert_queue_name ON alert (upper(vessel_name) text_pattern_ops);
CREATE INDEX alert_triage_status_alert ON alert_triage (status, alert_id);

DROP INDEX alert_start_time;
DROP INDEX alert_mmsi_start_time;
DROP INDEX alert_severity_start_time;
