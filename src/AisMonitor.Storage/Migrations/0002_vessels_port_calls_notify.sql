-- Vessels (current identity, and every change of it), port calls, and a notification for live
-- queues whenever an alert is written. Views with PostGIS geometry when PostGIS is installed.

CREATE TABLE vessel (
    mmsi                integer PRIMARY KEY,
    imo                 integer,
    name                text,
    call_sign           text,
    ship_type           smallint,
    length_metres       double precision,
    draught_metres      double precision,
    destination         text,
    flag                text,                          -- ISO country of the MMSI's MID
    identity_changed_at timestamptz,                   -- event time
    last_latitude       double precision,
    last_longitude      double precision,
    last_seen           timestamptz,                   -- event time of the last good position
    watch_lists         jsonb,                         -- the entries it matches (list, version, entry, matched on)
    stored_last         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX vessel_imo ON vessel (imo) WHERE imo IS NOT NULL;
CREATE INDEX vessel_watch_listed ON vessel (mmsi) WHERE watch_lists IS NOT NULL;

CREATE TABLE vessel_identity_change (
    mmsi       integer NOT NULL,
    changed_at timestamptz NOT NULL,
    field      text NOT NULL,
    from_value text,
    to_value   text,
    PRIMARY KEY (mmsi, changed_at, field)               -- written again by a replay: no duplicate
);

CREATE TABLE port_call (
    id             text PRIMARY KEY,                   -- MMSI, place and arrival: idempotent writes
    mmsi           integer NOT NULL,
    imo            integer,
    vessel_name    text,
    place_key      text NOT NULL,                      -- UN/LOCODE, else kind and name
    place_name     text NOT NULL,
    place_kind     text NOT NULL,
    un_locode      text,
    country        text,
    latitude       double precision NOT NULL,
    longitude      double precision NOT NULL,
    arrival        timestamptz NOT NULL,
    departure      timestamptz,                        -- null while in port
    stopped_hours  double precision NOT NULL,
    port_gaps      jsonb NOT NULL,
    time_zone      text,
    stored_last    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX port_call_place_arrival ON port_call (place_key, arrival DESC);
CREATE INDEX port_call_mmsi_arrival ON port_call (mmsi, arrival DESC);

-- Live queues: LISTEN aismonitor_alert; the payload is the alert id.
CREATE FUNCTION alert_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('aismonitor_alert', NEW.id);
    RETURN NEW;
END;
$$;

CREATE TRIGGER alert_notify AFTER INSERT OR UPDATE ON alert FOR EACH ROW EXECUTE FUNCTION alert_notify();

-- QGIS: point geometries, when PostGIS can be had; everything else works without it. Creating the
-- extension takes a superuser (or an owner who may): a role that may not leaves it to the DBA, and
-- migration 0009 makes the views once it is there.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'postgis') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS postgis;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'PostGIS is installed but this role may not create the extension: CREATE EXTENSION postgis as a superuser for the QGIS views';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
        EXECUTE 'CREATE VIEW alert_geometry AS SELECT a.*, ST_SetSRID(ST_MakePoint(a.longitude, a.latitude), 4326) AS geom FROM alert a WHERE a.latitude IS NOT NULL';
        EXECUTE 'CREATE VIEW port_call_geometry AS SELECT p.*, ST_SetSRID(ST_MakePoint(p.longitude, p.latitude), 4326) AS geom FROM port_call p';
        EXECUTE 'CREATE VIEW vessel_geometry AS SELECT v.*, ST_SetSRID(ST_MakePoint(v.last_longitude, v.last_latitude), 4326) AS geom FROM vessel v WHERE v.last_latitude IS NOT NULL';
    END IF;
END;
$$;
