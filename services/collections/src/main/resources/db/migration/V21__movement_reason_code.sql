-- payments' reason code is a CARC for a remittance's adjustment, but the kind of write-off collections asked for
-- (SMALL_BALANCE, BAD_DEBT) for its own requests: ten characters were too few, and the consumer stopped on it.
ALTER TABLE movement ALTER COLUMN reason_code TYPE TEXT;
