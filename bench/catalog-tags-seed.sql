-- Tags and popularity for the bundles bench/catalog-seed.sql made (issue 15): every bundle gets one to three of 40
-- genre tags (so each common tag is on about 5% of bundles), "zeppelin-era" goes on 10 bundles (a rare tag), and 5%
-- of bundles get a popularity figure as the library's count would. Inserting into bundle_tags fires the V41 trigger
-- that copies the tags onto bundles, as the editor does.
-- psql -f bench/catalog-tags-seed.sql (after catalog-seed.sql)
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seed_tags (n INT PRIMARY KEY, tag TEXT NOT NULL) ON COMMIT DROP;
INSERT INTO seed_tags
SELECT row_number() OVER () - 1, t FROM unnest(string_to_array(
  'drama comedy documentary horror thriller science-fiction animation short experimental music romance western '
  'noir film-noir mystery crime war history biography family adventure fantasy musical satire road-movie '
  'coming-of-age slow-cinema essay-film found-footage 16mm super-8 black-and-white silent queer feminist '
  'ecology travel dance sports nature', ' ')) AS t;
INSERT INTO bundle_tags (bundle_id, tag, position)
SELECT b.id, t.tag, k
FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM bundles) b
CROSS JOIN LATERAL generate_series(0, (b.i % 3)::INT) k
JOIN seed_tags t ON t.n = ((hashint8(b.i * 8 + k)::BIGINT & 2147483647) % 40)::INT
ON CONFLICT DO NOTHING;
INSERT INTO bundle_tags (bundle_id, tag, position)
SELECT id, 'zeppelin-era', 9 FROM bundles ORDER BY md5(id::text) LIMIT 10;
UPDATE bundles SET popularity = 1 + (hashint8(hashtext(id::text))::BIGINT & 2147483647) % 500
WHERE (hashtext(id::text) & 31) = 0;
COMMIT;
VACUUM ANALYZE bundles;
VACUUM ANALYZE bundle_tags;
