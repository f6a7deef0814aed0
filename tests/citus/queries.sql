-- One query a line: every README example over the registry and every
-- registry function, each with an ORDER BY that makes its answer one text.
-- tests/citus/run runs each on one node and on the cluster and compares.
SELECT position, counterpart FROM signing_order('UA') WHERE counterpart = 'BE'
SELECT position, ordinal, counterpart, signed_on, shared FROM signing_order('UA') WHERE position BETWEEN 17 AND 21 ORDER BY position, counterpart
SELECT ordinal FROM signing_order('UA', states_only => true) WHERE counterpart = 'IE'
SELECT * FROM signing_order('UA') ORDER BY position, counterpart
SELECT * FROM signing_order('UA', 'security', '2024-06-30') ORDER BY position, counterpart
SELECT * FROM signing_order('FR') ORDER BY position, counterpart
SELECT * FROM signing_order('SE', include_multilateral => true) ORDER BY position, counterpart
SELECT * FROM signing_orders() ORDER BY hub, position, counterpart
SELECT * FROM signing_orders('security', '2024-03-01', true) ORDER BY hub, position, counterpart
SELECT * FROM signing_orders('security', '1960-01-01') ORDER BY hub, position, counterpart
SELECT * FROM signing_orders('SECURITY' COLLATE secpact_test_ci) ORDER BY hub, position, counterpart
SELECT * FROM secpact.signing_timeline WHERE hub IN ('FR', 'DE', 'IT') ORDER BY 1, 2, 3, 4
SELECT * FROM partners('UA') ORDER BY first_signed, counterpart
SELECT * FROM partners('UA') LIMIT 3
SELECT * FROM partners('UA', 'security', '2024-06-30') ORDER BY first_signed, counterpart
SELECT * FROM partners('FR') ORDER BY first_signed, counterpart
SELECT a.id, a.in_force FROM secpact.agreement a WHERE parties = 'UA-GB' ORDER BY a.id
SELECT a.id, in_force(a, '2025-01-01') FROM secpact.agreement a ORDER BY a.id
SELECT a.id, in_force(a, '2040-01-01') FROM secpact.agreement a ORDER BY a.id
SELECT count(*) FROM secpact.agreement a WHERE in_force(a, '2025-01-01')
SELECT id, superseded(id, '2030-01-01') FROM secpact.agreement ORDER BY id
SELECT superseded(9001, '2030-01-01'), superseded(9001, '2000-01-01')
SELECT * FROM common_partners('UA', 'FR') ORDER BY 1
SELECT * FROM common_partners('FR', 'DE', 'security') ORDER BY 1
SELECT * FROM dyad_years(2023, 2026) ORDER BY 1, 2, 3
SELECT * FROM dyad_years(2023, 2026, 'security') ORDER BY 1, 2, 3
SELECT count(*), sum(agreements) FROM dyad_years()
SELECT * FROM secpact.partner_counts ORDER BY 1, 4
SELECT * FROM secpact.signing_timeline ORDER BY 1, 2, 3, 4
SELECT count_parties(parties), party_set(parties) FROM secpact.agreement
SELECT kind, count_parties(parties), party_set(parties) FROM secpact.agreement GROUP BY kind ORDER BY kind
SELECT count(*) FROM secpact.signatory
SELECT agreement_id, party, name, title, parties FROM secpact.signatory ORDER BY 1, 2, 3
SELECT party, count(*) FROM secpact.signatory GROUP BY party ORDER BY party
SELECT signing_chart('UA', as_of => '2025-06-30')
SELECT ordinal FROM accession_order('NATO') WHERE party = 'SE'
SELECT position, party, on_date, ordinal, shared FROM accession_order('NATO') WHERE position IN (1, 31) ORDER BY position, party
SELECT count(*) FROM accession_order('NATO', 'signed')
SELECT count(*), sum(position), count(DISTINCT agreement) FROM accession_orders()
SELECT count(*) FROM secpact.membership_dyads WHERE kind = 'alliance'
SELECT count(*) FROM dyad_years(2030, 2030, 'alliance')
SELECT position, counterpart, signed_on FROM signing_order('SE', include_multilateral => true) WHERE counterpart IN ('FI', 'UA') ORDER BY position, counterpart
SELECT agreement_named('NATO') IS NOT NULL
SELECT accession_chart(agreement_named('NATO'), as_of => '2025-06-30')
SELECT m.party, in_force(m, '2025-01-01') FROM secpact.membership m ORDER BY m.party, m.id
SELECT secpact.supersession_depth(id) FROM secpact.agreement ORDER BY id
SELECT parties, count(*) FROM secpact.agreement GROUP BY parties ORDER BY parties
