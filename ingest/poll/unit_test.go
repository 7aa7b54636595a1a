package poll

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func TestToUTF8(t *testing.T) {
	cyr := "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>Шымкент</title></rss>"
	cp1251, _ := charmap.Windows1251.NewEncoder().String(cyr)
	utf8Doc := `<?xml version="1.0" encoding="UTF-8"?><rss><title>Шымкент</title></rss>`
	tests := []struct {
		name, body, ctype string
		xml               bool
		want              string // "" when an error is wanted
	}{
		{"utf-8", utf8Doc, "application/rss+xml; charset=utf-8", true, utf8Doc},
		{"no charset anywhere", "[1]", "application/json", false, "[1]"},
		{"declared windows-1251", cp1251, "text/xml", true, strings.Replace(cyr, "windows-1251", "UTF-8", 1)},
		{"windows-1251 in the header", cp1251, "text/xml; charset=windows-1251", true, strings.Replace(cyr, "windows-1251", "UTF-8", 1)},
		{"windows-1251 claimed as UTF-8", cp1251, "text/xml; charset=utf-8", true, ""},
		{"windows-1251 JSON without charset", cp1251, "application/json", false, ""},
		{"unknown charset", "x", "text/xml; charset=klingon", true, ""},
	}
	for _, tt := range tests {
		got, err := toUTF8([]byte(tt.body), tt.ctype, tt.xml)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("%s: got %q, want an error", tt.name, got)
		case tt.want != "" && (err != nil || string(got) != tt.want):
			t.Errorf("%s: got %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func TestParseAPIDate(t *testing.T) {
	kz := time.FixedZone("+05", 5*3600)
	tests := []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{"2026-06-09T11:48:00Z", time.Date(2026, 6, 9, 11, 48, 0, 0, time.UTC), false},
		{"2026-06-09T11:48:00.123+05:00", time.Date(2026, 6, 9, 11, 48, 0, 123e6, kz), false},
		{"2026-06-09T11:48:00+0500", time.Date(2026, 6, 9, 11, 48, 0, 0, kz), false},
		{"2026-06-09T23:30:00", time.Date(2026, 6, 9, 23, 30, 0, 0, kz), false}, // no offset: Kazakhstan time
		{"2026-06-09 23:30:00.5", time.Date(2026, 6, 9, 23, 30, 0, 5e8, kz), false},
		{"2026-06-09", time.Date(2026, 6, 9, 0, 0, 0, 0, kz), false},
		{"09.06.2026", time.Time{}, true},
	}
	for _, tt := range tests {
		got, bad := parseAPIDate(tt.in)
		if bad != tt.bad || !got.Equal(tt.want) {
			t.Errorf("parseAPIDate(%q) = %v, %v; want %v, %v", tt.in, got, bad, tt.want, tt.bad)
		}
	}
}

func TestChooseLang(t *testing.T) {
	long := strings.Repeat("Министр провёл совещание по вопросам водоснабжения города. ", 5)
	tests := []struct{ declared, title, body, want string }{
		{"", "Шымкентте жаңа мектеп ашылды", "", "kk"},
		{"ru", "Жаңа мектеп", "Короткий текст.", "ru"}, // short: the source is believed
		{"kk", "Совещание", long, "ru"},                // long Russian text on a kk feed
		{"en", "Meeting", "The minister met students.", "en"},
	}
	for _, tt := range tests {
		if got := chooseLang(tt.declared, tt.title, tt.body); got != tt.want {
			t.Errorf("chooseLang(%q, %q, …) = %q, want %q", tt.declared, tt.title, got, tt.want)
		}
	}
}

func TestFeedLang(t *testing.T) {
	for in, want := range map[string]string{"ru-RU": "ru", "kz": "kk", "kk_KZ": "kk", "EN": "en", "de": "", "": ""} {
		if got := feedLang(in); got != want {
			t.Errorf("feedLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBackoff(t *testing.T) {
	for n, want := range map[int]time.Duration{1: 10 * time.Minute, 2: 20 * time.Minute, 3: 40 * time.Minute,
		6: 320 * time.Minute, 7: 6 * time.Hour, 40: 6 * time.Hour} {
		if got := backoff(10*time.Minute, n, 0.5); got != want {
			t.Errorf("backoff after %d failures = %s, want %s", n, got, want)
		}
	}
	if got := backoff(10*time.Minute, 7, 0.999); got != maxBackoff {
		t.Errorf("jitter took the backoff past the cap: %s", got)
	}
	if lo, hi := jittered(time.Hour, 0), jittered(time.Hour, 0.999); lo != 54*time.Minute || hi < 65*time.Minute || hi > 66*time.Minute {
		t.Errorf("jitter of an hour spans %s–%s, want 54–66 min", lo, hi)
	}
}

func TestGetterAbandonsLargeAnswers(t *testing.T) {
	big := strings.Repeat("x", 6<<20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/announced" {
			w.Header().Set("Content-Length", strconv.Itoa(len(big)))
		}
		w.Write([]byte(big))
	}))
	defer srv.Close()
	g := newGetter(Options{BaseURL: srv.URL, UserAgent: "newsbot/test", Timeout: time.Minute, MaxBytes: DefaultMaxBytes})
	for _, path := range []string{"/announced", "/chunked"} {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if _, err := g.do(context.Background(), req); !errors.Is(err, errTooLarge) {
			t.Errorf("%s: %v, want errTooLarge", path, err)
		}
	}
}
