-- The role the dashboard's data loaders connect as: a login with exactly the
-- grants the README's Dashboards section documents, and nothing else (the
-- functions it calls run as their caller and are executable by PUBLIC).
CREATE ROLE secpact_dashboard LOGIN;
COMMENT ON ROLE secpact_dashboard IS 'read-only: what a dashboard of secpact''s views needs';
GRANT USAGE ON SCHEMA secpact TO secpact_dashboard;
GRANT SELECT ON secpact.signing_timeline, secpact.partner_counts, secpact.agreement TO secpact_dashboard;
-- NATO's page: accession_order() and accession_chart() read the members as
-- their caller.  NATO is found by its title in secpact.agreement, so the
-- short names (secpact.agreement_name) need no grant.
GRANT SELECT ON secpact.membership TO secpact_dashboard;
