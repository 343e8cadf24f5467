-- Seeds :creators creators and :bundles published bundles (one film file each) for bench/catalog.sh, straight
-- into PostgreSQL with generate_series. Titles and summaries draw on 286 words; a few words and names are placed
-- on purpose so the bench's queries have known matches: "zeppelin" in 10 titles, "silent harbor" as a phrase in a
-- few, and the creators "Mina Kowalczyk" and "Lumen Pictures". Every NOT NULL column is filled as the app fills it.
-- psql -v creators=200 -v bundles=100000 -f bench/catalog-seed.sql
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seed_words (n INT PRIMARY KEY, word TEXT NOT NULL) ON COMMIT DROP;
INSERT INTO seed_words
SELECT row_number() OVER () - 1, w FROM unnest(string_to_array(
  'harbor silent river night city winter summer garden mountain shadow light dark road home stranger island '
  'forest desert ocean storm rain snow fire ghost dream memory letter house window door train station bridge '
  'tower castle village market street song dance music silence voice echo mirror portrait photograph film '
  'camera festival journey return escape chase secret truth lie promise love heart friend brother sister '
  'mother father daughter son family wedding funeral birthday holiday morning evening midnight dawn dusk '
  'sunset sunrise moon star planet orbit signal radio telephone machine engine factory worker farmer sailor '
  'soldier pilot doctor teacher painter poet writer dancer singer actor director neighbor lover widow orphan '
  'king queen prince princess empire kingdom border frontier colony harbour lighthouse coast cliff valley '
  'meadow orchard vineyard kitchen table bread wine salt honey sugar coffee tobacco cotton silk velvet glass '
  'paper ink stone iron gold silver copper bronze marble wind thunder lightning fog mist smoke ash dust blood '
  'bone skin eye hand mouth breath sleep waking falling rising running walking waiting searching finding '
  'losing leaving staying burning drowning flying sinking floating crossing turning breaking building opening '
  'closing beginning ending first last lost found broken hidden open empty full quiet loud golden blue red '
  'green white black grey wild gentle cruel kind brave strange distant near ancient modern little great long '
  'short deep high low cold warm bright bitter sweet lonely young old new western northern southern eastern '
  'tender fragile restless endless forgotten sacred electric crimson amber emerald ivory scarlet violet azure '
  'autumn spring harvest carnival circus theater cinema archive atlas compass anchor harpoon kite lantern '
  'candle clock calendar diary chronicle ballad elegy requiem shore tide wave reef glacier canyon prairie '
  'steppe tundra monsoon comet eclipse aurora meridian horizon nomad', ' ')) AS w;
-- The k-th word of bundle i, spread evenly over the list (an immutable SQL function over an array is inlined).
CREATE FUNCTION pg_temp.w(words TEXT[], i INT, k INT) RETURNS TEXT LANGUAGE sql IMMUTABLE
    AS $$ SELECT words[1 + ((hashint8(i::BIGINT * 64 + k)::BIGINT & 2147483647) % 286)::INT] $$;
CREATE TEMP TABLE seed_names (n INT PRIMARY KEY, first TEXT, last TEXT) ON COMMIT DROP;
INSERT INTO seed_names
SELECT i, (string_to_array('Ada Bruno Clara Dmitri Elena Farid Greta Hugo Ines Jonas Kira Luca Maya Nils Olga Pavel '
        'Quinn Rosa Sami Tove Ugo Vera Wim Xenia Yara Zofia', ' '))[1 + i % 26],
       (string_to_array('Almeida Berg Castro Dahl Eriksen Ferreira Gallo Holm Ivanova Jensen Keller Lindqvist Moreau '
        'Novak Okafor Petrov Quist Rossi Sato Tanaka Urbina Varga Weber Yilmaz Zeller', ' '))[1 + (i / 26) % 25]
FROM generate_series(0, :creators - 1) i;

INSERT INTO accounts (id, email, display_name, password_hash, role, created_at, version, status, email_verified_at)
SELECT md5('creator-' || n)::uuid, 'creator' || n || '@bench.example',
       CASE n WHEN 0 THEN 'Mina Kowalczyk' WHEN 1 THEN 'Lumen Pictures' ELSE first || ' ' || last || ' ' || n END,
       -- "benchmark", bcrypt: creators can log in if someone wants to look at the studio.
       '{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z5xWsBuebVj4SD1HLOhGjv6e', 'CREATOR',
       now() - interval '4 years', 0, 'ACTIVE', now() - interval '4 years'
FROM seed_names;

-- Bundle i: creator i % :creators (creator 0 has the most), published i minutes apart, newest last.
INSERT INTO bundles (id, owner_id, creator_name, title, summary, description, status, gate, price_minor,
                     price_currency, suggested_minor, created_at, published_at, version)
SELECT md5('bundle-' || i)::uuid, md5('creator-' || c)::uuid, a.display_name,
       CASE WHEN i % (:bundles / 10) = 7 THEN initcap(pg_temp.w(ws.a, i, 1)) || ' of the Zeppelin'
            WHEN i % (:bundles / 4) = 3 THEN 'The Silent Harbor ' || initcap(pg_temp.w(ws.a, i, 2))
            ELSE initcap(pg_temp.w(ws.a, i, 1) || ' ' || pg_temp.w(ws.a, i, 2) || CASE WHEN i % 3 = 0 THEN ' ' || pg_temp.w(ws.a, i, 3) ELSE '' END) END,
       initcap(pg_temp.w(ws.a, i, 4)) || ' ' || pg_temp.w(ws.a, i, 5) || ' and the ' || pg_temp.w(ws.a, i, 6) || ' ' || pg_temp.w(ws.a, i, 7) || ' of a ' || pg_temp.w(ws.a, i, 8) || ' '
           || pg_temp.w(ws.a, i, 9) || '.',
       'A film about the ' || pg_temp.w(ws.a, i, 10) || ' ' || pg_temp.w(ws.a, i, 11) || ', the ' || pg_temp.w(ws.a, i, 12) || ' and the ' || pg_temp.w(ws.a, i, 13)
           || '. Includes the feature, a trailer and the director''s notes.',
       'PUBLISHED',
       (ARRAY['FREE', 'PAID', 'PAID', 'PWYW'])[1 + i % 4],
       CASE i % 4 WHEN 0 THEN NULL WHEN 3 THEN 0 ELSE 299 + (i % 20) * 100 END,
       CASE i % 4 WHEN 0 THEN NULL ELSE (ARRAY['USD', 'EUR', 'GBP'])[1 + i % 3] END,
       CASE i % 4 WHEN 3 THEN 500 END,
       now() - (:bundles - i) * interval '1 minute' - interval '1 hour',
       now() - (:bundles - i) * interval '1 minute',
       1
FROM generate_series(1, :bundles) i
CROSS JOIN (SELECT array_agg(word ORDER BY n) AS a FROM seed_words) ws
CROSS JOIN LATERAL (SELECT i % :creators AS c) owner
JOIN accounts a ON a.id = md5('creator-' || owner.c)::uuid;

INSERT INTO bundle_files (id, bundle_id, position, display_name, content_type, size_bytes, sha256, storage_key,
                          created_at, unlocked)
SELECT md5('file-' || b.id)::uuid, b.id, 0, 'feature.mp4', 'video/mp4', 1500000000,
       encode(sha256(b.id::text::bytea), 'hex'), 'bundles/' || b.id || '/' || md5('file-' || b.id), b.created_at, false
FROM bundles b WHERE b.owner_id IN (SELECT md5('creator-' || n)::uuid FROM seed_names);
COMMIT;
VACUUM ANALYZE accounts;
VACUUM ANALYZE bundles;
VACUUM ANALYZE bundle_files;
