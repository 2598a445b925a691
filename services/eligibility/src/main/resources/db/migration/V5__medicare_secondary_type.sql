-- Why Medicare pays second (the 837P's SBR05 when Medicare is billed after another payer); only on a Medicare
-- coverage that is not primary (checked by the domain).
ALTER TABLE coverage ADD COLUMN medicare_secondary_type TEXT
    CHECK (medicare_secondary_type IN ('WORKING_AGED', 'END_STAGE_RENAL_DISEASE', 'NO_FAULT', 'WORKERS_COMPENSATION',
        'FEDERAL_AGENCY', 'BLACK_LUNG', 'VETERANS_AFFAIRS', 'DISABLED_LARGE_GROUP', 'OTHER_LIABILITY'));
