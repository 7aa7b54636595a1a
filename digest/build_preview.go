package digest

import (
	"context"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// Preview returns the messages chat chatID's next digest would have if it
// were built at now, whether or not it is due. It changes nothing: the same
// composition as a pass, read in a read-only snapshot.
func (b *Builder) Preview(ctx context.Context, chatID int64, now time.Time) ([]Part, error) {
	var parts []Part
	err := b.st.PreviewDigest(ctx, chatID, func(ctx context.Context, src *store.DigestSource) error {
		d, err := b.compose(ctx, src, now)
		if err != nil {
			return err
		}
		if d.Items() > 0 {
			parts = Render(d)
		}
		return nil
	})
	return parts, err
}
