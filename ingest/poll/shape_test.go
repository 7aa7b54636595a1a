package poll

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/newsbot-kz/newsbot/store"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
)

// allocatedBy reports the bytes f allocates with the collector off: what
// refusing a feed costs, at most, whatever the collector does.
func allocatedBy(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// peakHeapOf reports the largest heap seen while f ran, above the heap
// before it, sampled every 100 µs with the collector at its default: the
// memory a poll of the feed makes the process hold.
func peakHeapOf(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base, peak := read(), uint64(0)
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	}()
	f()
	close(done)
	<-sampled
	peak = max(peak, read())
	if peak < base {
		return 0
	}
	return peak - base
}

func feedAnswer(body string) *answer {
	return &answer{status: 200, header: http.Header{"Content-Type": {"application/rss+xml; charset=utf-8"}}, body: []byte(body)}
}

func rss(items string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:x="urn:x"><channel><title>t</title><link>https://www.gov.kz/</link>` +
		items + `</channel></rss>`
}

// worstFeeds are the feeds the caps still let through that cost the parser
// most, each within DefaultMaxBytes: the element cap spent on items, on
// extension elements (kept as maps), and on nesting at the depth cap.
func worstFeeds() map[string]string {
	feeds := map[string]string{}
	var b strings.Builder
	items := (maxElements - 10) / 4
	const word = "су &lt;b&gt;құбыры&lt;/b&gt; "
	text := strings.Repeat(word, (DefaultMaxBytes-4000)/items/len(word)-4)
	for i := range items {
		fmt.Fprintf(&b, `<item><title>Release %d</title><link>https://www.gov.kz/memleket/entities/shymkent/press/news/details/%d</link><description>%s</description></item>`,
			i, i, text)
	}
	feeds["items at the element cap"] = rss(b.String())

	b.Reset()
	b.WriteString(`<item><title>x</title>`)
	for i := 0; i < maxElements-10; i++ {
		b.WriteString(`<x:e a="1">v</x:e>`)
	}
	b.WriteString(`</item>`)
	feeds["extension elements at the element cap"] = rss(b.String())

	b.Reset()
	open, shut := strings.Repeat("<x:n>", maxNesting-6), strings.Repeat("</x:n>", maxNesting-6)
	for n := 0; n+2*maxNesting < maxElements; n += maxNesting - 4 {
		b.WriteString("<item><title>x</title>" + open + "v" + shut + "</item>")
	}
	feeds["nesting at the depth cap, to the element cap"] = rss(b.String())

	feeds["one item of the whole size"] = rss(`<item><title>x</title><link>https://www.gov.kz/memleket/entities/shymkent/press/news/details/1</link><description><![CDATA[` +
		strings.Repeat("<p>су құбыры</p>", (DefaultMaxBytes-1000)/len("<p>су құбыры</p>")) + `]]></description></item>`)
	return feeds
}

// The README states the memory one feed may take; this holds the code to it.
const statedFeedMemory = 128 << 20

func TestWorstFeedTheCapsAllowStaysUnderItsStatedMemory(t *testing.T) {
	for name, body := range worstFeeds() {
		if len(body) > DefaultMaxBytes {
			t.Fatalf("%s: %d bytes, over the size limit", name, len(body))
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			io.WriteString(w, body)
		}))
		f := &feeds{get: newGetter(Options{BaseURL: srv.URL, Timeout: time.Minute, MaxBytes: DefaultMaxBytes}), clock: time.Now}
		var got fetched
		var err error
		// The whole of a poll but the database: the answer read, parsed,
		// each item made a release (HTML to text).
		n := peakHeapOf(func() { got, err = f.fetch(context.Background(), store.Source{URL: srv.URL, EntitySlug: "shymkent"}) })
		srv.Close()
		if err != nil || got.batch == nil {
			t.Errorf("%s: refused (%v); the caps should let it through", name, err)
		}
		t.Logf("%s: %.1f MB feed, peak heap %d MiB while polled", name, float64(len(body))/1e6, n>>20)
		if n > statedFeedMemory {
			t.Errorf("%s: the poll held %d MiB at its peak, over the stated %d MiB", name, n>>20, statedFeedMemory>>20)
		}
	}
}

func TestFeedsShapedToExhaustMemoryAreRefusedCheaply(t *testing.T) {
	deep := rss("<item><title>x</title>" + strings.Repeat("<x:n>", 400_000) + strings.Repeat("</x:n>", 400_000)[:1000] + "</item>")
	deep = deep[:min(len(deep), DefaultMaxBytes)]
	wide := rss("<item>" + strings.Repeat("<x:e/>", maxElements+1) + "</item>")
	deepJSON := `{"version":"https://jsonfeed.org/version/1.1","items":` + strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000) + "}"
	for name, body := range map[string]string{"400,000 nested elements": deep, "too many elements": wide, "deep JSON Feed": deepJSON} {
		var err error
		n := allocatedBy(func() { _, err = parseFeed(feedAnswer(body)) })
		if !errors.Is(err, errShape) {
			t.Errorf("%s: err = %v, want it refused for its shape", name, err)
		}
		t.Logf("%s: %.1f MB, refused after %d MiB allocated", name, float64(len(body))/1e6, n>>20)
		if n > 4*uint64(len(body))+(8<<20) {
			t.Errorf("%s: refusing it allocated %d MiB", name, n>>20)
		}
	}
	if _, err := decodeList(&answer{status: 200, header: http.Header{"Content-Type": {"application/json"}},
		body: []byte(strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000))}); !errors.Is(err, errShape) {
		t.Errorf("a deep JSON list page: err = %v, want it refused for its shape", err)
	}
}
