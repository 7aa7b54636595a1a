package digest

import (
	"context"
	"time"

	"github.com/newsbot-kz/newsbot/store"
)

// Preview returns the messages chat chatID's next digest would have if it
// were built at now, whether or not it is due. It changes nothing: inside a
// read-only snapshot, it composes the chat's digest with the pass's own
// code, from a window of one chat, so /digest now and "digest preview" show
// what a pass would queue.
func (b *Builder) Preview(ctx context.Context, chatID int64, now time.Time) ([]Part, error) {
	var parts []Part
	err := b.st.PreviewDigest(ctx, chatID, func(ctx context.Context, src *store.DigestSource) error {
		subs, err := src.Subscriptions(ctx)
		if err != nil {
			return err
		}
		alerted, err := src.Alerted(ctx)
		if err != nil {
			return err
		}
		chat := store.BatchChat{DigestChat: src.Chat, Subscriptions: subs, Alerted: alerted}
		w := newWindow(src, windowSince(now, b.opts.MaxAgeDays), b.opts.Similarity, b.log)
		if err := w.coverChats(ctx, []store.BatchChat{chat}, src.ToSeq); err != nil {
			return err
		}
		var sc chatScratch
		if d := b.composeFromWindow(w, chat, src.ToSeq, now, &sc); d.Items() > 0 {
			parts = Render(d)
		}
		return nil
	})
	return parts, err
}
