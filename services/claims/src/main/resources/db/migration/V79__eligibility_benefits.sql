-- Claims part 2, estimates: the latest EligibilityVerified keeps its benefits (NULL = the payer did not say).
ALTER TABLE latest_eligibility ADD COLUMN copay NUMERIC(12, 2);
ALTER TABLE latest_eligibility ADD COLUMN coinsurance_percent NUMERIC(5, 2);
ALTER TABLE latest_eligibility ADD COLUMN deductible NUMERIC(12, 2);
ALTER TABLE latest_eligibility ADD COLUMN deductible_remaining NUMERIC(12, 2);
ALTER TABLE latest_eligibility ADD COLUMN out_of_pocket NUMERIC(12, 2);
ALTER TABLE latest_eligibility ADD COLUMN out_of_pocket_remaining NUMERIC(12, 2);
