// Package textmatch is how text is matched, whatever script it is written
// in: the canonical Latin skeleton of a text (Шымкент = Shymkent =
// Şymkent), in Go and as the SQL function the database indexes with; the
// inflections a query word sheds (stem.go: Шымкентте, Шымкентом,
// Shymkent's); the places whose names are one word in every script and era
// (places.go and places.tsv: Budapest = Будапешт, Astana = Nur-Sultan); the
// tsqueries of a keyword and of a /search query (prefixes, phrases, OR,
// exclusions, entity: and since: filters, places as the OR of their
// names); the search terms a snippet highlights; and the word shingles that
// near-duplicate stories are told apart by. The rules of subscribing are
// package subscriptions'.
//
// Matching releases happens in SQL, so that /latest, /search and the digest
// agree: releases.canon (the text in Canonical form) against the tsquery
// KeywordQuery makes (SearchQuery's for /search), with one condition,
// r.canon @@ to_tsquery('simple', query) — the store's matchCanonical in
// Store.Latest, written out in Store.KeywordHits and Store.Search.
package textmatch
