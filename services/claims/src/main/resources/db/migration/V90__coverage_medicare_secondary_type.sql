-- Why Medicare pays second, as eligibility's coverage says (CoverageAdded/CoverageChanged): the 837P's SBR05.
ALTER TABLE known_coverage ADD COLUMN medicare_secondary_type TEXT;
