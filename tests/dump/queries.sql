-- What must be identical after a dump and restore; one query per line.
SELECT * FROM secpact.agreement ORDER BY id
SELECT * FROM secpact.signatory ORDER BY agreement_id, party, name
SELECT (SELECT count(*) FROM secpact.agreement), (SELECT count(*) FROM secpact.signatory), (SELECT count(*) FROM secpact.agreement WHERE supersedes IS NOT NULL)
SELECT last_value FROM secpact.agreement_id_seq
SELECT * FROM secpact.membership ORDER BY id
SELECT * FROM secpact.agreement_name ORDER BY agreement_id, name
SELECT last_value FROM secpact.membership_id_seq
SELECT * FROM accession_order('NATO')
SELECT * FROM dyad_years(1940, 2030, 'alliance')
SELECT * FROM signing_order('UA')
SELECT * FROM partners('UA')
SELECT * FROM user_events ORDER BY id
SELECT tableoid::regclass, * FROM user_partitioned ORDER BY n
SELECT * FROM user_arrays ORDER BY id
SELECT * FROM user_view ORDER BY actor
SELECT count(*) FROM user_events WHERE pair @> 'UA'::party
SELECT indexrelid::regclass::text AS index, indisvalid FROM pg_index WHERE indrelid = 'user_events'::regclass ORDER BY 1
SELECT id, p, d, ps, party_send(p), dyad_send(d) FROM user_historical ORDER BY id
SELECT * FROM signing_order('SU', 'historical')
SELECT count(*) FROM user_historical WHERE d @> 'SU'::party
SELECT * FROM signing_order('UA', 'partial')
SELECT id, partial_date(signed_on, signed_on_precision), partial_date(entry_into_force, entry_into_force_precision), in_force(a, '1997-06-10'), in_force(a, '1998-01-01') FROM secpact.agreement a WHERE kind = 'partial' ORDER BY id
SELECT * FROM accession_order('A Partial Pact')
SELECT * FROM secpact.source ORDER BY name
SELECT * FROM secpact.agreement_source ORDER BY agreement_id
SELECT * FROM secpact.obligation ORDER BY id
SELECT last_value FROM secpact.obligation_id_seq
SELECT * FROM dyad_years(1815, 2018, NULL, 'defense', true)
SELECT * FROM dyad_years(1815, 2030)
