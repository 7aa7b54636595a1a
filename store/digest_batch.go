package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// A digest pass builds chats in batches: one transaction claims a few
// hundred due chats, reads their subscriptions in one query, and writes
// every digest, outbox part and cursor in three. The releases and keyword
// matches the digests draw on are read outside it, once a pass, by
// DigestReleasesIn and KeywordHits (digest.window); building chat by chat,
// each with its own query over the new releases, took ~36 ms a chat.

// BatchChat is one claimed chat of a batch, with its subscriptions in
// digest order (as DigestSource.Subscriptions lists them).
type BatchChat struct {
	DigestChat
	Subscriptions []SubscriptionView
	// Alerted are the releases the chat was sent as alerts since its
	// cursor: an instant-only subscription does not repeat them.
	Alerted map[int64]bool
}

// BatchPlan is the digest decided for one chat of a batch.
type BatchPlan struct {
	ChatID int64
	DigestPlan
}

// BatchOutcome is what BuildDigestBatch did.
type BatchOutcome struct {
	Claimed []int64                 // the chats claimed, in id order
	Built   map[int64]DigestOutcome // per chat with a plan; DigestID 0 when nothing was queued
	LastID  int64                   // the highest id claimed: the next batch starts after it
	// AlertsFolded counts the pending alerts the batch's digests hold.
	AlertsFolded int
}

// foldAlerts marks folded the pending alerts of the chats whose digest was
// queued: the digest holds those releases (quiet hours or the day's cap kept
// their alert back), so they are not alerted after it.
func foldAlerts(ctx context.Context, tx *sqlx.Tx, built map[int64]DigestOutcome, toSeq int64) (int, error) {
	var ids []int64
	for id, o := range built {
		if o.DigestID != 0 {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return 0, nil
	}
	res, err := tx.ExecContext(ctx, `UPDATE alerts SET status = 'folded'
		WHERE chat_id = ANY($1) AND status = 'pending' AND arrival_seq <= $2`, pq.Int64Array(ids), toSeq)
	if err != nil {
		return 0, fmt.Errorf("store: fold alerts into %d digests: %w", len(ids), err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// DigestBatchFunc decides the digests of a batch's chats as of the arrival
// horizon toSeq. A chat it gives no plan for (its build failed) is left as
// it was: still due, its cursor unmoved.
type DigestBatchFunc func(ctx context.Context, chats []BatchChat, toSeq int64) ([]BatchPlan, error)

// ArrivalHorizon is the newest arrival_seq such that every release at or
// below it has committed: read under the arrival lock, shared with other
// readers and exclusive with importers, which hold it from taking a
// sequence number until they commit.
func (s *Store) ArrivalHorizon(ctx context.Context) (int64, error) {
	var seq int64
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock_shared($1)`, arrivalLockKey); err != nil {
			return fmt.Errorf("store: arrival lock: %w", err)
		}
		var err error
		seq, err = lastArrival(ctx, tx, 0)
		return err
	})
	return seq, err
}

// BuildDigestBatch claims up to limit chats due at now with ids above
// afterID (FOR UPDATE SKIP LOCKED: chats another process is building are
// skipped), lets build decide their digests as of toSeq, and stores them
// in the same transaction: digest rows and outbox parts inserted, each
// planned chat's cursor moved to toSeq (never back), its next digest time to
// its plan's, and its undelivered mark cleared (the plan re-offered those
// releases). Digests are built as of now; their parts are queued to go at
// once by the real clock. Claimed is empty when no due chat is left.
//
// When the transaction fails after the claim, the outcome still carries
// Claimed and LastID, so that a pass can count the chats and go on.
func (s *Store) BuildDigestBatch(ctx context.Context, now time.Time, afterID int64, limit int, toSeq int64,
	build DigestBatchFunc) (BatchOutcome, error) {
	var out BatchOutcome
	err := s.inTx(ctx, func(tx *sqlx.Tx) error {
		chats, err := claimDueChats(ctx, tx, now, afterID, limit)
		if err != nil || len(chats) == 0 {
			return err
		}
		for _, c := range chats {
			out.Claimed = append(out.Claimed, c.ID)
		}
		out.LastID = chats[len(chats)-1].ID
		plans, err := build(ctx, chats, toSeq)
		if err != nil {
			return err
		}
		if out.Built, err = storeBatchPlans(ctx, tx, chats, plans, toSeq, now); err != nil {
			return err
		}
		out.AlertsFolded, err = foldAlerts(ctx, tx, out.Built, toSeq)
		return err
	})
	if err != nil {
		out.Built = nil
		return out, err
	}
	return out, nil
}

// claimDueChats locks the next due chats and reads their subscriptions.
func claimDueChats(ctx context.Context, tx *sqlx.Tx, now time.Time, afterID int64, limit int) ([]BatchChat, error) {
	var rows []DigestChat
	err := tx.SelectContext(ctx, &rows, `SELECT `+digestChatColumns+` FROM chats
		WHERE digest_enabled AND active AND next_digest_at <= $1 AND id > $2
		ORDER BY id LIMIT $3
		FOR UPDATE SKIP LOCKED`, now, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: claim due chats: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(rows))
	at := make(map[int64]int, len(rows))
	chats := make([]BatchChat, len(rows))
	for i, c := range rows {
		ids[i], at[c.ID], chats[i].DigestChat = c.ID, i, c
	}
	subs, err := subscriptionsOf(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	for _, s := range subs {
		c := &chats[at[s.ChatID]]
		c.Subscriptions = append(c.Subscriptions, s)
	}
	alerted, err := alertedOf(ctx, tx, ids)
	if err != nil {
		return nil, err
	}
	for id, rels := range alerted {
		chats[at[id]].Alerted = rels
	}
	return chats, nil
}

// alertedOf reads, for each of chats, the releases sent to it as alerts
// (queued in an alert message) that arrived after its digest cursor.
func alertedOf(ctx context.Context, q sqlx.QueryerContext, chats []int64) (map[int64]map[int64]bool, error) {
	var rows []struct {
		ChatID    int64 `db:"chat_id"`
		ReleaseID int64 `db:"release_id"`
	}
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT a.chat_id, a.release_id
		FROM alerts a JOIN chats c ON c.id = a.chat_id
		WHERE a.chat_id = ANY($1) AND a.status = 'queued' AND a.arrival_seq > c.digest_cursor`,
		pq.Int64Array(chats))
	if err != nil {
		return nil, fmt.Errorf("store: alerted releases of %d chats: %w", len(chats), err)
	}
	out := map[int64]map[int64]bool{}
	for _, r := range rows {
		if out[r.ChatID] == nil {
			out[r.ChatID] = map[int64]bool{}
		}
		out[r.ChatID][r.ReleaseID] = true
	}
	return out, nil
}

// subscriptionsOf reads the subscriptions of chats, with their entities, by
// chat and then in digest order (as Store.Subscriptions lists them).
func subscriptionsOf(ctx context.Context, q sqlx.QueryerContext, chats []int64) ([]SubscriptionView, error) {
	var rows []struct {
		Subscription
		entityRow
	}
	err := sqlx.SelectContext(ctx, q, &rows, `
		SELECT s.id, s.chat_id, s.kind, s.value, s.normalized, s.entity_id, s.match_query, s.after_seq,
			s.created_at, s.delivery, `+entityRowColumns+`
		FROM subscriptions s LEFT JOIN entities e ON e.id = s.entity_id
		WHERE s.chat_id = ANY($1)
		ORDER BY s.chat_id, s.kind, s.created_at, s.id`, pq.Int64Array(chats))
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions of %d chats: %w", len(chats), err)
	}
	views := make([]SubscriptionView, len(rows))
	for i, r := range rows {
		views[i] = SubscriptionView{Subscription: r.Subscription, Entity: r.entityRow.entity()}
	}
	return views, nil
}

// storeBatchPlans writes a batch's plans: three statements, whatever the
// number of chats.
func storeBatchPlans(ctx context.Context, tx *sqlx.Tx, chats []BatchChat, plans []BatchPlan, toSeq int64,
	now time.Time) (map[int64]DigestOutcome, error) {
	cursor := make(map[int64]int64, len(chats))
	for _, c := range chats {
		cursor[c.ID] = c.Cursor
	}
	var (
		upd                          = make(map[int64]DigestOutcome, len(plans))
		ids, nextIDs, fromSeq, items []int64
		parts                        []int64
		next                         []string // RFC 3339, cast by PostgreSQL
		queued                       []bool
		partChat, partNo             []int64
		partText                     []string
	)
	for _, p := range plans {
		from, ok := cursor[p.ChatID]
		if !ok {
			return nil, fmt.Errorf("store: digest plan for chat %d, which the batch did not claim", p.ChatID)
		}
		// A next time not after now would make the chat due again at once,
		// every pass: refuse it rather than send a digest a minute.
		if !p.Next.After(now) {
			return nil, fmt.Errorf("store: digest of chat %d: next time %v is not after %v", p.ChatID, p.Next, now)
		}
		nextIDs, next, queued = append(nextIDs, p.ChatID), append(next, p.Next.Format(time.RFC3339Nano)), append(queued, len(p.Parts) > 0)
		upd[p.ChatID] = DigestOutcome{}
		if len(p.Parts) == 0 {
			continue
		}
		ids, fromSeq = append(ids, p.ChatID), append(fromSeq, from)
		items, parts = append(items, int64(p.Items)), append(parts, int64(len(p.Parts)))
		for i, text := range p.Parts {
			partChat, partNo, partText = append(partChat, p.ChatID), append(partNo, int64(i+1)), append(partText, text)
		}
	}
	if len(ids) > 0 {
		var made []struct {
			ID     int64 `db:"id"`
			ChatID int64 `db:"chat_id"`
		}
		err := tx.SelectContext(ctx, &made, `INSERT INTO digests (chat_id, built_at, from_seq, to_seq, items, parts)
			SELECT u.chat_id, $2, u.from_seq, greatest(u.from_seq, $3), u.items, u.parts
			FROM unnest($1::bigint[], $4::bigint[], $5::int[], $6::int[]) AS u(chat_id, from_seq, items, parts)
			RETURNING id, chat_id`,
			pq.Int64Array(ids), now, toSeq, pq.Int64Array(fromSeq), pq.Int64Array(items), pq.Int64Array(parts))
		if err != nil {
			return nil, fmt.Errorf("store: insert %d digests: %w", len(ids), err)
		}
		for _, m := range made {
			o := upd[m.ChatID]
			o.DigestID = m.ID
			upd[m.ChatID] = o
		}
		var partDigest []int64
		for _, p := range plans {
			o := upd[p.ChatID]
			if o.DigestID == 0 {
				continue
			}
			o.Parts, o.Items = len(p.Parts), p.Items
			upd[p.ChatID] = o
			for range p.Parts {
				partDigest = append(partDigest, o.DigestID)
			}
		}
		// The parts may go at once. now is the time the digest is built as
		// of, which "digest run --now" may set a week ahead or behind; the
		// sender compares not_before with its own clock, so the parts are
		// queued by the real one.
		_, err = tx.ExecContext(ctx, `INSERT INTO outbox (digest_id, chat_id, part, text, not_before)
			SELECT u.digest_id, u.chat_id, u.part, u.text, $5
			FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[]) AS u(digest_id, chat_id, part, text)`,
			pq.Int64Array(partDigest), pq.Int64Array(partChat), pq.Int64Array(partNo), textArray(partText),
			time.Now())
		if err != nil {
			return nil, fmt.Errorf("store: queue %d digest parts: %w", len(partText), err)
		}
	}
	if len(nextIDs) > 0 {
		_, err := tx.ExecContext(ctx, `UPDATE chats c SET digest_cursor = greatest(c.digest_cursor, $4),
				next_digest_at = u.next,
				last_digest_at = CASE WHEN u.queued THEN $5 ELSE c.last_digest_at END,
				undelivered_at = NULL
			FROM unnest($1::bigint[], $2::timestamptz[], $3::bool[]) AS u(id, next, queued)
			WHERE c.id = u.id`,
			pq.Int64Array(nextIDs), pq.StringArray(next), pq.BoolArray(queued), toSeq, now)
		if err != nil {
			return nil, fmt.Errorf("store: advance %d chats: %w", len(nextIDs), err)
		}
	}
	return upd, nil
}

// digestReleaseColumns are releaseColumns for the digest's window, which
// reads them once a pass: the body too, for the shingles of a release
// stored without them and for every release's cross-language fingerprint
// (textmatch.Fingerprint). A digest shows no body; the window drops it once
// read (reading hundreds for every chat, before the window, was a tenth of
// a pass).
const digestReleaseColumns = `r.id, r.arrival_seq, r.arrived_at, r.govkz_id, r.url, r.title,
	r.body, r.lang, r.published_on`

// DigestReleasesIn returns the releases that arrived in (fromSeq, toSeq]
// and were published on or after since's date, each with its stored
// shingles, as DigestSource.Releases reads them, in no particular order and
// without Subscriptions.
func (s *Store) DigestReleasesIn(ctx context.Context, fromSeq, toSeq int64, since time.Time) ([]DigestRelease, error) {
	return digestReleasesIn(ctx, s.db, fromSeq, toSeq, since)
}

func digestReleasesIn(ctx context.Context, q sqlx.QueryerContext, fromSeq, toSeq int64, since time.Time) ([]DigestRelease, error) {
	var rows []struct {
		releaseRow
		Shingles int64s `db:"shingles"`
	}
	err := sqlx.SelectContext(ctx, q, &rows, `
		SELECT `+digestReleaseColumns+`, '' AS snippet, `+entityRowColumns+`, r.shingles
		FROM releases r LEFT JOIN entities e ON e.id = r.entity_id
		WHERE r.arrival_seq > $1 AND r.arrival_seq <= $2 AND r.published_on >= $3::date`,
		fromSeq, toSeq, since.Format(time.DateOnly))
	if err != nil {
		return nil, fmt.Errorf("store: releases arrived in (%d, %d]: %w", fromSeq, toSeq, err)
	}
	out := make([]DigestRelease, len(rows))
	for i, r := range rows {
		out[i] = DigestRelease{Release: r.release(), Shingles: r.Shingles}
	}
	return out, nil
}

// KeywordHits matches each keyword query (a subscription's match_query)
// against the releases that arrived in (fromSeq, toSeq] and were published
// on or after since's date, with matchCanonical, the expression
// DigestSource.Releases and /latest use. It returns the ids each query
// matches; a query that matches nothing is absent.
//
// The window is read once and every query tested on each of its rows: a
// day's arrivals are a few thousand rows, while the GIN index would walk
// every release that ever matched a prefix query like "shimkent:*".
func (s *Store) KeywordHits(ctx context.Context, queries []string, fromSeq, toSeq int64, since time.Time) (map[string][]int64, error) {
	return keywordHits(ctx, s.db, queries, fromSeq, toSeq, since)
}

func keywordHits(ctx context.Context, q sqlx.QueryerContext, queries []string, fromSeq, toSeq int64, since time.Time) (map[string][]int64, error) {
	var rows []struct {
		Query string `db:"query"`
		IDs   int64s `db:"ids"`
	}
	err := sqlx.SelectContext(ctx, q, &rows, `
		WITH r AS MATERIALIZED (
			SELECT id, canon FROM releases
			WHERE arrival_seq > $2 AND arrival_seq <= $3 AND published_on >= $4::date),
		q AS MATERIALIZED (
			SELECT u.query, to_tsquery('simple', u.query) AS tsq FROM unnest($1::text[]) AS u(query))
		SELECT q.query, array_agg(r.id ORDER BY r.id) AS ids
		FROM q JOIN r ON r.canon @@ q.tsq
		GROUP BY q.query`,
		pq.StringArray(queries), fromSeq, toSeq, since.Format(time.DateOnly))
	if err != nil {
		return nil, fmt.Errorf("store: keyword hits of %d queries: %w", len(queries), err)
	}
	out := make(map[string][]int64, len(rows))
	for _, r := range rows {
		out[r.Query] = r.IDs
	}
	return out, nil
}
