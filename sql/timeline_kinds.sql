-- Issue #21: signing_timelines() groups the registry by kind in a hash
-- instead of a sort.  Kinds come out in the order of their bytes (1.3's
-- ORDER BY kind COLLATE "C"), kinds of other case or accents stay apart,
-- rows of a kind interleaved with others' still meet, and the view answers
-- as signing_order(hub, kind, include_multilateral => true) does.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS secpact;
BEGIN;
INSERT INTO secpact.agreement (parties, kind, signed_on, day_order, place)
SELECT dyad(p.a::party, p.b::party), k.kind, date '2001-01-01' + (i * 37) % 400,
	   CASE WHEN i % 3 = 0 THEN (1 + i % 2)::smallint END, 'City ' || i
FROM generate_series(1, 60) i
CROSS JOIN LATERAL (VALUES (('{FR,DE,IT,ES,PL}'::text[])[1 + i % 5],
							('{DE,IT,ES,PL,FR}'::text[])[1 + (i / 5) % 5])) p(a, b)
CROSS JOIN LATERAL (VALUES (('{timeline-b,Timeline-B,timeline-é,timeline-a}'::text[])[1 + i % 4])) k(kind)
WHERE p.a <> p.b;
-- the kinds in the function's output order
SELECT kind, count(*) AS rows
FROM (SELECT kind, min(n) OVER (PARTITION BY kind) AS first_row
	  FROM secpact.signing_timelines() WITH ORDINALITY AS t(hub, kind, "position", counterpart,
		   signed_on, place, ordinal, shared, signed_last, n)
	  WHERE kind LIKE '_imeline-_') x
GROUP BY kind, first_row ORDER BY first_row;
-- every row of the view is signing_order's, both ways
SELECT count(*) AS view_not_in_signing_order FROM (
	SELECT hub::party, kind, counterpart::party, "position", signed_on, place, shared
	FROM secpact.signing_timeline WHERE kind LIKE '_imeline-_'
	EXCEPT ALL
	SELECT h.hub, k.kind, o.counterpart, o."position", o.signed_on, o.place, o.shared
	FROM (VALUES ('FR'::party), ('DE'), ('IT'), ('ES'), ('PL')) h(hub)
	CROSS JOIN (VALUES ('timeline-b'), ('Timeline-B'), ('timeline-é'), ('timeline-a')) k(kind)
	CROSS JOIN LATERAL signing_order(h.hub, k.kind, include_multilateral => true) o) x;
SELECT count(*) AS signing_order_not_in_view FROM (
	SELECT h.hub, k.kind, o.counterpart, o."position", o.signed_on, o.place, o.shared
	FROM (VALUES ('FR'::party), ('DE'), ('IT'), ('ES'), ('PL')) h(hub)
	CROSS JOIN (VALUES ('timeline-b'), ('Timeline-B'), ('timeline-é'), ('timeline-a')) k(kind)
	CROSS JOIN LATERAL signing_order(h.hub, k.kind, include_multilateral => true) o
	EXCEPT ALL
	SELECT hub::party, kind, counterpart::party, "position", signed_on, place, shared
	FROM secpact.signing_timeline WHERE kind LIKE '_imeline-_') x;
-- one hub and kind in full
SELECT hub, kind, counterpart, signed_on, place, "position", shared, partners_so_far
FROM secpact.signing_timeline WHERE hub = 'FR' AND kind = 'timeline-a'
ORDER BY "position", counterpart;
ROLLBACK;
