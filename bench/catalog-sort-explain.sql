-- EXPLAIN ANALYZE of the statements the sorted storefront and tag pages run (issue 15), as PublicListings builds
-- them (card columns shortened to the id). Run after catalog-seed.sql and catalog-tags-seed.sql:
-- psql -f bench/catalog-sort-explain.sql
\set public 'b.status = ''PUBLISHED'' and b.hidden_at is null and b.owner_withdrawn_at is null'
-- A cursor in the middle of the orders: a bundle picked once, as a page's "before" link names one.
select id as cursor_id from bundles where popularity > 0 order by md5(id::text) limit 1 \gset
\set cursor '''' :cursor_id ''''
\echo '== popular, first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select b.id, b.tags from bundles b where :public
  order by b.popularity desc, b.id desc limit 25;
\echo '== popular, a page after a cursor'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select b.id from bundles b where :public
  and (b.popularity, b.id) < (select c.popularity, c.id from bundles c where c.id = :cursor)
  order by b.popularity desc, b.id desc limit 25;
\echo '== price low to high, first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select b.id from bundles b where :public
  order by coalesce(b.price_minor, 0) asc, b.id asc limit 25;
\echo '== price high to low, a page after a cursor'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select b.id from bundles b where :public
  and (coalesce(b.price_minor, 0), b.id) < (select coalesce(c.price_minor, 0), c.id from bundles c where c.id = :cursor)
  order by coalesce(b.price_minor, 0) desc, b.id desc limit 25;
\echo '== tag page, common tag (drama, ~5%), newest'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select b.id from bundles b where :public and b.tags @> array['drama']
  order by b.published_at desc, b.id desc limit 25;
\echo '== tag page, common tag, price'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select b.id from bundles b where :public and b.tags @> array['drama']
  order by coalesce(b.price_minor, 0) asc, b.id asc limit 25;
\echo '== tag page, rare tag (10 bundles), popular'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select b.id from bundles b where :public and b.tags @> array['zeppelin-era']
  order by b.popularity desc, b.id desc limit 25;
\echo '== search by a tag word'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) with candidates as materialized (
  select b.id, b.search, b.published_at from bundles b where :public
  and b.search @@ (websearch_to_tsquery('english', 'zeppelin-era') || to_tsquery('simple', 'zeppelin-era:*'))
  order by b.published_at desc, b.id desc limit 240)
select id from candidates b order by ts_rank(b.search, to_tsquery('simple', 'zeppelin-era')) desc limit 25;
\echo '== sitemap: a plain count of distinct public tags, for comparison (not what the app runs)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) select count(distinct t.tag) from bundle_tags t join bundles b on b.id = t.bundle_id where :public;
\echo '== sitemap: tags of public bundles, loose index scan (PublicPages.PUBLIC_TAGS)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) with recursive t(tag) as (
  (select tag from bundle_tags order by tag limit 1)
  union all
  select (select x.tag from bundle_tags x where x.tag > t.tag order by x.tag limit 1) from t where t.tag is not null)
select t.tag, l.changed from t cross join lateral (
  select greatest(b.published_at, b.cover_updated_at) as changed from bundles b
  where :public and b.tags @> array[t.tag] order by b.published_at desc, b.id desc limit 1) l
where t.tag is not null order by t.tag limit 50000;
