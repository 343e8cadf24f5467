-- EXPLAIN ANALYZE of the statements the catalog pages run (PublicListings; keep the two in step), for
-- bench/catalog.sh. psql variables: cursor (a bundle some 12,000 from the newest, "page 500"), creator and
-- creator_cursor (that creator's 30th newest bundle).
\set public 'b.status = ''PUBLISHED'' and b.hidden_at is null and b.owner_withdrawn_at is null'
\set card 'b.id, b.owner_id, b.creator_name, b.title, b.summary, b.gate, b.price_minor, b.price_currency, b.suggested_minor, case when b.cover_key is not null then left(b.cover_sha256, 16) end as cover_version, b.created_at, b.published_at, b.release_at'
\echo == / (newest first)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select :card from bundles b where :public
order by b.published_at desc, b.id desc limit 25;
\echo == /?before=<a bundle 12,000 down> (what ?page=500 was)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select :card from bundles b where :public
and (b.published_at, b.id) < (select c.published_at, c.id from bundles c where c.id = :'cursor')
order by b.published_at desc, b.id desc limit 25;
\echo == /creators/<id>?before=<its 30th bundle>
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select :card from bundles b where :public and b.owner_id = :'creator'
and (b.published_at, b.id) < (select c.published_at, c.id from bundles c where c.id = :'creator_cursor')
order by b.published_at desc, b.id desc limit 25;
\echo == /bundles/<id> (the entity by primary key, then its files)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select * from bundles where id = :'cursor';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select * from bundle_files where bundle_id = :'cursor' order by position;
-- The newest 240 matches, ranked: up to 5,000 (PublicListings.DENSE) from the text index, else a walk of the
-- storefront index (only then: a one-time filter).
\set search 'with hits as materialized (select b.id, b.published_at from bundles b where ' :public ' and b.search @@ (websearch_to_tsquery(''english'', $1) || to_tsquery(''simple'', $2))), sparse as materialized (select count(*) <= 5000 as sparse from (select from hits limit 5000 + 1) h), candidates as materialized ((select ' :card ', b.search from bundles b where b.id in (select n.id from hits n where (select s.sparse from sparse s) order by n.published_at desc, n.id desc limit 240)) union all (select ' :card ', b.search from bundles b where not (select s.sparse from sparse s) and ' :public ' and b.search @@ (websearch_to_tsquery(''english'', $1) || to_tsquery(''simple'', $2)) order by b.published_at desc, b.id desc limit 240)) select * from candidates b order by ts_rank(b.search, websearch_to_tsquery(''english'', $1) || to_tsquery(''simple'', $2)) desc, b.published_at desc, b.id desc offset 0 limit 25'
PREPARE search(text, text) AS :search;
SET plan_cache_mode = force_custom_plan;
\echo == /?q=harbor (a common word)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search('harbor', 'harbor:*');
\echo == /?q=zeppelin (rare)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search('zeppelin', 'zeppelin:*');
\echo == /?q="silent harbor" (a phrase: no prefix part)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search('"silent harbor"', '');
\echo == /?q=Mina Kowalczyk (a creator)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search('Mina Kowalczyk', 'mina & kowalczyk:*');
\echo == /?q=lum (a prefix while typing)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search('lum', 'lum:*');
\echo == /?q=kowalczik (a typo: nothing as typed, then the corrected statement)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search('kowalczik', 'kowalczik:*');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
with q as materialized (select (select to_tsquery('simple', string_agg(case when t.i = t.n then '(' || c.word || ' | ' || t.word || ':*)'
  else c.word end, ' & ' order by t.i))
  from (select s.word, s.i, count(*) over () as n from regexp_split_to_table('kowalczik', ' ') with ordinality as s(word, i)) t,
  lateral (select coalesce((select w.word from search_words w where w.word % t.word
    order by w.word <-> t.word, w.word limit 1), t.word) as word) c) as q),
hits as materialized (select b.id, b.published_at from bundles b where :public and b.search @@ (select q.q from q)),
sparse as materialized (select count(*) <= 5000 as sparse from (select from hits limit 5000 + 1) h),
candidates as materialized ((select :card, b.search from bundles b where b.id in (select n.id from hits n
  where (select s.sparse from sparse s) order by n.published_at desc, n.id desc limit 240))
  union all (select :card, b.search from bundles b where not (select s.sparse from sparse s) and :public
  and b.search @@ (select q.q from q) order by b.published_at desc, b.id desc limit 240))
select * from candidates b order by ts_rank(b.search, (select q.q from q)) desc, b.published_at desc, b.id desc offset 0 limit 25;
