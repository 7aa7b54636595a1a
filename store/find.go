package store

import "time"

// This file holds the one matching condition for finding releases,
// matchCanonical: /latest and the digest's candidates (DigestSource.Releases)
// go through it, and the two queries that build each tsquery once, Search
// and KeywordHits, write the same condition out (r.canon @@
// to_tsquery('simple', ...)). A change to how text matches must keep the
// four alike.
//
// Matching runs on releases.canon, the canonical cross-script form of every
// language version of a release (migrations/00005_canonical.sql), against a
// tsquery built in Go by package textmatch (KeywordQuery for keywords,
// SearchQuery for searches): Шымкент, Shymkent and Şymkent are one word
// there, words match the forms that begin with them, and a place is the OR
// of all its names (Budapest | Будапешт). A keyword subscription's query is
// stored with it (subscriptions.match_query) and kept current with the
// rules by RefreshMatchQueries. Entities are found the same way over
// entities.canon (FindEntities, in entities.go).

// matchCanonical is the SQL condition "release r matches the tsquery text in
// expr" (to_tsquery syntax over canonical words).
func matchCanonical(expr string) string {
	return `r.canon @@ to_tsquery('simple', ` + expr + `)`
}

// Highlight markers: the bot puts them around matched words of a snippet;
// the renderer escapes the text and turns them into tags. They are
// characters no release is expected to contain, and the renderer drops
// stray ones.
const (
	MarkStart = "\u27E6" // ⟦
	MarkStop  = "\u27E7" // ⟧
)

const releaseColumns = `r.id, r.arrival_seq, r.arrived_at, r.govkz_id, r.url, r.title, r.body,
	r.lang, r.published_on`

// versionColumns are releaseColumns with the title, body and language taken
// from v, the release's version in the reader's language, when it has one
// (joined with versionJoin); otherwise the text the release was first seen
// with.
const versionColumns = `r.id, r.arrival_seq, r.arrived_at, r.govkz_id, r.url,
	COALESCE(v.title, r.title) AS title, COALESCE(v.body, r.body) AS body,
	COALESCE(v.lang, r.lang) AS lang, r.published_on`

// versionJoin joins the release's version in the language given by expr.
func versionJoin(expr string) string {
	return ` LEFT JOIN release_versions v ON v.release_id = r.id AND v.lang = ` + expr + ` `
}

type releaseRow struct {
	Release
	entityRow
}

func (r releaseRow) release() Release {
	rel := r.Release
	rel.Entity = r.entityRow.entity()
	return rel
}

func releasesOf(rows []releaseRow) []Release {
	out := make([]Release, len(rows))
	for i, r := range rows {
		out[i] = r.release()
	}
	return out
}

// LatestFilter selects releases for /latest. Zero fields do not filter.
type LatestFilter struct {
	EntityID int64  // only this entity's releases
	Match    string // only releases matching this tsquery (textmatch.KeywordQuery)
	ChatID   int64  // only releases matching this chat's subscriptions
	// Lang shows each release in this language when it has a version in it;
	// "" shows the text each release was first seen with.
	Lang string
	// Timeout stops the query after this long with ErrTimeout; zero for no
	// limit. A chat following many keywords makes /latest read every release.
	Timeout time.Duration
}

// SearchQuery is a /search as the store runs it.
type SearchQuery struct {
	Match      string    // tsquery over canonical text (textmatch.SearchQuery); required
	EntitySlug string    // only this entity's releases (entity:SLUG)
	Since      time.Time // only releases published on or after this day (since:DATE)
	Lang       string    // show each release in this language when it has a version in it
	// Timeout stops the query after this long with ErrTimeout; zero for no
	// limit.
	Timeout time.Duration
}
