package digest

import (
	"strconv"
	"strings"
	"sync"

	"github.com/newsbot-kz/newsbot/store"
	"github.com/newsbot-kz/newsbot/tgtext"
)

// itemCache holds the items a pass rendered, by release, language and
// options: a new day's few thousand releases fill tens of thousands of
// digests, and rendering each item again for each chat was a quarter of a
// pass's time. The pass's window holds one, shared by its batches; it is
// dropped with the window. A nil *itemCache renders every item.
type itemCache struct {
	mu    sync.Mutex
	m     map[string]tgtext.Block
	bytes int // of the keys and items held
}

// maxCachedBytes bounds a cache: past it, items are rendered and not kept.
// The items met first are the most common ones (a popular entity's, a
// keyword's without "also" lines), and a window's distinct items, which
// chats' "also" lines multiply, would otherwise grow a pass's heap from
// 65 MiB to 450 MiB (measured at 100,000 chats).
const maxCachedBytes = 16 << 20

func newItemCache() *itemCache { return &itemCache{m: map[string]tgtext.Block{}} }

// body is tgtext.ItemBody(r, lang, o), from the cache when it holds it.
func (c *itemCache) body(r store.Release, lang string, o tgtext.ItemOptions) tgtext.Block {
	if c == nil {
		return tgtext.ItemBody(r, lang, o)
	}
	key := itemKey(r.ID, lang, o)
	c.mu.Lock()
	b, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return b
	}
	b = tgtext.ItemBody(r, lang, o)
	size := len(key) + len(b.HTML) + len(b.Plain)
	c.mu.Lock()
	if c.bytes+size <= maxCachedBytes {
		c.m[key] = b
		c.bytes += size
	}
	c.mu.Unlock()
	return b
}

// itemKey is everything an item's body depends on within a pass: the
// release (its text does not change during a pass), the reader's language
// and the options.
func itemKey(id int64, lang string, o tgtext.ItemOptions) string {
	var k strings.Builder
	k.WriteString(strconv.FormatInt(id, 10))
	k.WriteString("\x00" + lang + "\x00")
	k.WriteString(strconv.FormatInt(o.HideEntity, 10))
	if o.Snippet {
		k.WriteString("\x00s")
	}
	for _, a := range o.Also {
		k.WriteString("\x00a" + a)
	}
	for _, a := range o.AlsoIn {
		k.WriteString("\x00i" + a.Lang + "\x01" + a.URL + "\x01" + a.Source)
	}
	return k.String()
}
