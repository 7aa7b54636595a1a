package poll

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// A source that redirects into the bot's own network gets nothing from
// it: neither a connection to a loopback or private address it was not
// configured with (checked after DNS: "localhost" is refused too), nor a
// scheme other than http(s), nor an endless chain.
func TestRedirectsIntoTheBotsNetworkAreRefused(t *testing.T) {
	var secretHits atomic.Int32
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secretHits.Add(1)
		w.Write([]byte("<rss><channel><title>admin token=SECRET</title></channel></rss>"))
	}))
	defer internal.Close()
	internalURL, _ := url.Parse(internal.URL)
	byName := "https://localhost:" + internalURL.Port() + "/admin"

	source := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-internal":
			http.Redirect(w, r, internal.URL+"/admin", http.StatusFound)
		case "/to-localhost":
			http.Redirect(w, r, byName, http.StatusMovedPermanently)
		case "/to-metadata":
			http.Redirect(w, r, "https://169.254.169.254/latest/meta-data/", http.StatusFound)
		case "/to-file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		case "/to-http-elsewhere":
			http.Redirect(w, r, "http://example.com/feed", http.StatusFound)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/moved":
			http.Redirect(w, r, "/feed", http.StatusMovedPermanently)
		case "/feed":
			w.Write([]byte("ok"))
		}
	}))
	defer source.Close()
	g := newGetter(Options{BaseURL: source.URL, UserAgent: "newsbot/test", Timeout: 10 * time.Second, MaxBytes: DefaultMaxBytes})
	get := func(path string) (*answer, error) {
		req, _ := http.NewRequest(http.MethodGet, source.URL+path, nil)
		return g.do(context.Background(), req)
	}

	for path, want := range map[string]string{
		"/to-internal":       "not a public address",
		"/to-localhost":      "not a public address",
		"/to-metadata":       "not a public address",
		"/to-file":           "not http(s)",
		"/to-http-elsewhere": "not https",
		"/loop":              "redirects",
	} {
		_, err := get(path)
		if !errors.Is(err, errRedirectRefused) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want a refused redirect saying %q", path, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "SECRET") {
			t.Errorf("%s: the error quotes the internal answer: %v", path, err)
		}
	}
	if n := secretHits.Load(); n != 0 {
		t.Errorf("the internal server was asked %d times", n)
	}
	// Within the source's own host a redirect is followed as before.
	if a, err := get("/moved"); err != nil || string(a.body) != "ok" {
		t.Errorf("/moved: %v, %v; want the feed it moved to", a, err)
	}
}

func TestIsPublic(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false, "192.168.1.1": false,
		"169.254.169.254": false, "100.64.0.1": false, "0.0.0.0": false, "::1": false,
		"fe80::1": false, "fd00::1": false, "::ffff:127.0.0.1": false, "224.0.0.1": false,
		"195.210.46.18": true, "8.8.8.8": true, "2a00:1450:4001::1": true,
	} {
		if got := isPublic(netip.MustParseAddr(addr)); got != want {
			t.Errorf("isPublic(%s) = %v, want %v", addr, got, want)
		}
	}
}
