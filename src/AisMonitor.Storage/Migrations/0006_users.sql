-- The people and programs allowed in: users with a role, their passwords as PBKDF2 hashes (ASP.NET
-- Core Identity's format, never the password), and API tokens for automation stored as SHA-256
-- hashes (a token is 256 random bits, so a fast hash is enough; only its first characters are kept
-- in clear, to tell tokens apart in a list).

CREATE TABLE app_user (
    name          text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$'),
    role          text NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    disabled_at   timestamptz
);

CREATE TABLE api_token (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_name  text NOT NULL REFERENCES app_user (name),
    prefix     text NOT NULL,
    token_hash bytea NOT NULL UNIQUE,
    label      text,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used  timestamptz,
    revoked_at timestamptz
);

CREATE INDEX api_token_user ON api_token (user_name);
