package store

import (
	"context"
	"time"
)

// A DigestSource reads, inside the read-only snapshot of a preview, what a
// pass reads for many chats at once: the chat's subscriptions, the releases
// of a range of arrivals and the keyword matches among them. The preview
// composes its digest from them through the pass's own code (digest.window),
// so the two cannot differ.

// Subscriptions lists the chat's subscriptions in the order its digest
// groups them: entities first, then keywords, each in the order they were
// made (the order of Store.Subscriptions).
func (d *DigestSource) Subscriptions(ctx context.Context) ([]SubscriptionView, error) {
	return subscriptionsOf(ctx, d.q, []int64{d.Chat.ID})
}

// DigestReleasesIn is Store.DigestReleasesIn in the snapshot.
func (d *DigestSource) DigestReleasesIn(ctx context.Context, fromSeq, toSeq int64, since time.Time) ([]DigestRelease, error) {
	return digestReleasesIn(ctx, d.q, fromSeq, toSeq, since)
}

// KeywordHits is Store.KeywordHits in the snapshot.
func (d *DigestSource) KeywordHits(ctx context.Context, queries []string, fromSeq, toSeq int64, since time.Time) (map[string][]int64, error) {
	return keywordHits(ctx, d.q, queries, fromSeq, toSeq, since)
}

// Alerted is the chat's releases sent as alerts since its cursor (see
// BatchChat.Alerted).
func (d *DigestSource) Alerted(ctx context.Context) (map[int64]bool, error) {
	m, err := alertedOf(ctx, d.q, []int64{d.Chat.ID})
	return m[d.Chat.ID], err
}
