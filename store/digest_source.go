package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Subscriptions lists the chat's subscriptions in the order its digest
// groups them: entities first, then keywords, each in the order they were
// made (the order of Store.Subscriptions).
func (d *DigestSource) Subscriptions(ctx context.Context) ([]SubscriptionView, error) {
	var rows []struct {
		Subscription
		entityRow
	}
	err := sqlx.SelectContext(ctx, d.q, &rows, `
		SELECT s.id, s.chat_id, s.kind, s.value, s.normalized, s.entity_id, s.after_seq, s.created_at,
			`+entityRowColumns+`
		FROM subscriptions s LEFT JOIN entities e ON e.id = s.entity_id
		WHERE s.chat_id = $1
		ORDER BY s.kind, s.created_at, s.id`, d.Chat.ID)
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions of chat %d: %w", d.Chat.ID, err)
	}
	views := make([]SubscriptionView, len(rows))
	for i, r := range rows {
		views[i] = SubscriptionView{Subscription: r.Subscription, Entity: r.entityRow.entity()}
	}
	return views, nil
}

// digestReleaseColumns are releaseColumns with the body only where the
// digest needs it (see Releases).
const digestReleaseColumns = `r.id, r.arrival_seq, r.arrived_at, r.govkz_id, r.url, r.title,
	CASE WHEN cardinality(r.shingles) = 0 THEN r.body ELSE '' END AS body, r.lang, r.published_on`

// Releases returns the releases the digest may hold, newest first
// (published date, then arrival): those that arrived after the chat's
// cursor (up to ToSeq) and after the subscription they match was made,
// published on or after since's date. Keywords match with matchCanonical, the
// expression /latest uses, so the digest holds what /latest KEYWORD shows.
//
// A release's Body is returned only when it has no stored Shingles (the
// digest then computes them from the text); a digest shows no body, and
// reading hundreds of them for every chat was a tenth of a digest pass.
func (d *DigestSource) Releases(ctx context.Context, since time.Time) ([]DigestRelease, error) {
	var rows []struct {
		releaseRow
		Shingles int64s `db:"shingles"`
		Matched  int64s `db:"matched"`
	}
	err := sqlx.SelectContext(ctx, d.q, &rows, `
		SELECT `+digestReleaseColumns+`, '' AS snippet, `+entityRowColumns+`, r.shingles,
			array_agg(s.id ORDER BY s.id) AS matched
		FROM releases r
		JOIN subscriptions s ON s.chat_id = $1 AND r.arrival_seq > s.after_seq
			AND ((s.kind = 'entity' AND r.entity_id = s.entity_id)
			     OR (s.kind = 'keyword' AND s.match_query <> '' AND `+matchCanonical("s.match_query")+`))
		LEFT JOIN entities e ON e.id = r.entity_id
		WHERE r.arrival_seq > $2 AND r.arrival_seq <= $3 AND r.published_on >= $4::date
		GROUP BY r.id, e.id
		ORDER BY r.published_on DESC, r.arrival_seq DESC`,
		d.Chat.ID, d.Chat.Cursor, d.ToSeq, since.Format(time.DateOnly))
	if err != nil {
		return nil, fmt.Errorf("store: digest releases of chat %d: %w", d.Chat.ID, err)
	}
	out := make([]DigestRelease, len(rows))
	for i, r := range rows {
		out[i] = DigestRelease{Release: r.release(), Shingles: r.Shingles, Subscriptions: r.Matched}
	}
	return out, nil
}
