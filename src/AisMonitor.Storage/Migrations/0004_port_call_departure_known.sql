-- A departure known only from a reappearance outside after a silence in port: the vessel left
-- between last_seen_in_port and departure (the latest it can have been).

ALTER TABLE port_call
    ADD COLUMN departure_known   boolean NOT NULL DEFAULT true,
    ADD COLUMN last_seen_in_port timestamptz;
