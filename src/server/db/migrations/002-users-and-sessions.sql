-- Sign-in: users with a role, their sessions, and failed sign-ins for throttling.
--
-- Sessions live here (not in a server's memory) so that several server instances share them. A session
-- row is keyed by the sha256 of the cookie's token, never the token itself: a copy of this table does not
-- let anyone sign in.

CREATE TABLE users (
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^usr-[a-z0-9]{8,32}$'),
  username text COLLATE "C" NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
  display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 80),
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  -- A self-describing scrypt string: $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<key> (base64).
  password_hash text NOT NULL CHECK (password_hash ~ '^[$]scrypt[$]ln=[0-9]+,r=[0-9]+,p=[0-9]+[$][A-Za-z0-9+/]+[$][A-Za-z0-9+/]+$'),
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1)
);

CREATE TABLE sessions (
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  user_id text COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL CHECK (char_length(csrf_token) >= 32),
  created_at timestamptz NOT NULL,
  -- Sliding idle timeout: the session ends when last_seen_at is older than the idle limit.
  last_seen_at timestamptz NOT NULL CHECK (last_seen_at >= created_at),
  -- Absolute lifetime: the session ends then however active it is.
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- Failed sign-ins only (a success deletes the account's rows); rows older than the window are pruned.
CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL CHECK (char_length(username) <= 256),
  address text NOT NULL CHECK (char_length(address) <= 256),
  attempted_at timestamptz NOT NULL
);
CREATE INDEX login_attempts_username ON login_attempts (username, attempted_at);
CREATE INDEX login_attempts_address ON login_attempts (address, attempted_at);
