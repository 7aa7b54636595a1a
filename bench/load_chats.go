package bench

import (
	"context"
	"database/sql"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// loadChats stores the chats and their subscriptions with COPY. Every chat
// has considered the releases up to cursor (its last digest) and its next
// digest is due at due; its subscriptions were made before cursor's release
// arrived, so they all cover what arrives next.
func loadChats(ctx context.Context, db *sql.DB, chats []Chat, cursor int64, due time.Time) (int, error) {
	ents, err := entityIDs(ctx, db)
	if err != nil {
		return 0, err
	}
	var subs []store.NewSubscription
	for _, c := range chats {
		subs = append(subs, c.Subs...)
	}
	err = inTx(ctx, db, func(tx *sql.Tx) error {
		err := copyRows(ctx, tx, `COPY chats (id, type, lang, time_zone, digest_time, digest_cursor,
			next_digest_at) FROM STDIN`, len(chats), func(i int) []any {
			c := chats[i]
			return []any{c.ID, c.Type, c.Lang, c.Zone, c.Time, cursor, due}
		})
		if err != nil {
			return err
		}
		made := due.Add(-30 * 24 * time.Hour)
		return copyRows(ctx, tx, `COPY subscriptions (chat_id, kind, value, normalized, entity_id,
			match_query, after_seq, created_at) FROM STDIN`, len(subs), func(i int) []any {
			s := subs[i]
			var ent any
			if s.Kind == store.SubEntity {
				ent = ents[s.Value]
			}
			return []any{s.ChatID, s.Kind, s.Value, s.Normalized, ent, s.MatchQuery, cursor, made}
		})
	})
	if err != nil {
		return 0, err
	}
	_, err = db.ExecContext(ctx, `ANALYZE chats; ANALYZE subscriptions`)
	return len(subs), err
}
