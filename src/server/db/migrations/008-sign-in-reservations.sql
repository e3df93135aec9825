-- Sign-in attempts are reserved before the password is checked (src/server/auth/throttle.ts): a row is
-- 'pending' while its password is being hashed and becomes 'failed' when it did not match (a success
-- deletes the pair's rows). Counting pending rows stops concurrent guesses from all passing the check.
ALTER TABLE login_attempts
  ADD COLUMN outcome text NOT NULL DEFAULT 'failed' CHECK (outcome IN ('pending', 'failed'));
CREATE INDEX login_attempts_pair ON login_attempts (username, address, attempted_at);
