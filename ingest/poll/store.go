package poll

import (
	"context"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// Store is what polling needs from the store.
type Store interface {
	SyncSources(ctx context.Context, now time.Time, plan store.SourcePlan) error
	PreviewSources(ctx context.Context, now time.Time, plan store.SourcePlan) ([]store.Source, error)
	SourcesOfEntities(ctx context.Context, slugs []string) ([]store.Source, error)
	CountDueSources(ctx context.Context, now time.Time) (int, error)
	ClaimDueSource(ctx context.Context, now, leaseUntil time.Time, token string) (store.Source, error)
	ClaimSource(ctx context.Context, id int64, now, leaseUntil time.Time, token string) (store.Source, error)
	FinishPoll(ctx context.Context, o store.PollOutcome) error
	ReleaseSource(ctx context.Context, id int64, token string) error
	SaveFetched(ctx context.Context, rels []store.NewRelease) (store.SaveResult, error)
	KnownVersions(ctx context.Context, slug, lang string, ids []int64) ([]int64, error)
}
