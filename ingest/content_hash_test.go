package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"

	"github.com/newsbot-kz/newsbot/internal/randtext"
)

// contentHashReference is ContentHash as first written: stored releases
// are known by it, so the fast one must give the same hash for every text.
func contentHashReference(title, body string) string {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	sum := sha256.Sum256([]byte(norm(title) + "\n" + norm(body)))
	return hex.EncodeToString(sum[:])
}

func TestContentHashAgreesWithTheReference(t *testing.T) {
	page, err := os.ReadFile("../testdata/enbekshi-news-2025-11-26.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := append(strings.Split(string(page), "\n\n"), "", " ", "  A  b\t\nC ", "ШЫМКЕНТ Қала\u00a0ӘКІМДІГІ\u0085x",
		"İstanbul ΣΑΣ", "\xff\xfe A", "a\u2028b\u3000c")
	texts = append(texts, randtext.Strings(3, 20000, 16,
		"aZ0 \t\n\r\v\f\u00a0\u0085\u2028\u3000\u200bШыҚәІiİIΣσςẞ\ufffd,", 0xc3)...) // 0xc3: a truncated sequence
	for i, title := range texts {
		body := texts[(i+1)%len(texts)]
		if got, want := ContentHash(title, body), contentHashReference(title, body); got != want {
			t.Fatalf("ContentHash(%q, %q) = %s, the reference gives %s", title, body, got, want)
		}
	}
}

// tidyTextReference is tidyText as first written.
func tidyTextReference(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = scrub(strings.ReplaceAll(s, "\r", "\n"))
	var b strings.Builder
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			blank = true
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}

func TestTidyTextAgreesWithTheReference(t *testing.T) {
	page, err := os.ReadFile("../testdata/enbekshi-news-2025-11-26.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(page), "", "\n\n", " a \n\n\n b\t\tc \r\n\r\nd\re\u2028f\u2029\u2029g ", "\x00a\u200b\ufeffb\u0085c\u00a0 d"}
	texts = append(texts, randtext.Strings(5, 30000, 14,
		"ab Ш \t\n\n\r\u00a0\u0085\u2028\u2029\u3000\u200b\ufeff\x00\x07\x0b\ufffd", 0xff)...)
	for _, s := range texts {
		if got, want := tidyText(s), tidyTextReference(s); got != want {
			t.Fatalf("tidyText(%q) = %q, the reference gives %q", s, got, want)
		}
	}
}
