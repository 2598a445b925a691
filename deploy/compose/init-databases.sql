-- One login role and one database per service, as ./revcycle up does on a machine without Docker.
CREATE ROLE patients LOGIN PASSWORD 'patients';
CREATE DATABASE patients OWNER patients;
CREATE ROLE eligibility LOGIN PASSWORD 'eligibility';
CREATE DATABASE eligibility OWNER eligibility;
CREATE ROLE claims LOGIN PASSWORD 'claims';
CREATE DATABASE claims OWNER claims;
CREATE ROLE payments LOGIN PASSWORD 'payments';
CREATE DATABASE payments OWNER payments;
CREATE ROLE collections LOGIN PASSWORD 'collections';
CREATE DATABASE collections OWNER collections;
