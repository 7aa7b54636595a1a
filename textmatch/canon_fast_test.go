package textmatch

import (
	"hash/fnv"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsbot-kz/newsbot/internal/randtext"
)

// canonicalReference is Canonical as first written, step by step, with no
// shortcut: the fast Canonical must agree with it on everything.
func canonicalReference(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKC.String(s) {
		r = unicode.ToLower(r)
		if t, ok := multiRune[r]; ok {
			b.WriteString(t)
			continue
		}
		if t, ok := oneRune[r]; ok {
			r = t
		}
		switch {
		case r == dropRune:
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	words := strings.Fields(strings.NewReplacer("kh", "k", "zh", "j").Replace(b.String()))
	for i, w := range words {
		var f strings.Builder
		for j := 0; j < len(w); j++ {
			if w[j] == 'i' && j+1 < len(w) && w[j+1] == 'e' && (j == 0 || strings.IndexByte("aeiou", w[j-1]) >= 0) {
				continue
			}
			f.WriteByte(w[j])
		}
		words[i] = f.String()
	}
	return strings.Join(words, " ")
}

// fastPathTexts are the fixture's and the corpus's lines, edge cases of the
// folds, and random strings over the runes the fast paths treat specially
// and the marks, compatibility characters and invalid bytes that must leave
// them.
func fastPathTexts(t *testing.T) []string {
	var texts []string
	for _, f := range []string{"../testdata/enbekshi-news-2025-11-26.txt", "../testdata/eval/corpus.jsonl"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	texts = append(texts, "Shymkent's Zhetysu KHAN kkh zhh kzh Yerzhan Tokayev ie iie aie", "ﬁ ｓｈｙｍｋｅｎｔ Ⅻ ½ №5",
		"é", "e\u0301", "и\u0306", "а\u0483", "\xff\xfeШымкент", "İstanbul IŞIK", "ӀӁӂ Ԁԁ ՝")
	return append(texts, randtext.Strings(1, 20000, 12,
		"aAzZkhiIe019 ,.'’ʼ-«»—–“”„•°§·ШшЫыҚқӘәІіЁёЙйЪъЬьӀӏçşÇŞäÄöüğıİéè\u0301\u0306\u0308\u0483\u00a0ﬁｓ½№…ⅫµÅ\u212b\u2126\ufffd\n\t", 0xff)...)
}

func TestCanonicalAgreesWithTheReference(t *testing.T) {
	for _, s := range fastPathTexts(t) {
		if got, want := Canonical(s), canonicalReference(s); got != want {
			t.Fatalf("Canonical(%q) = %q, the reference gives %q", s, got, want)
		}
	}
}

// TestIsNFKCAgreesWithNorm checks the claim isNFKC rests on: every rune it
// accepts is NFKC on its own and next to any other it accepts.
func TestIsNFKCAgreesWithNorm(t *testing.T) {
	var stable []rune
	for r := rune(0); r < 0x2200; r++ {
		if r < utf8.RuneSelf || nfkcStableRune(r) {
			stable = append(stable, r)
		}
	}
	for _, a := range stable {
		for _, b := range stable {
			if s := string([]rune{a, b}); !norm.NFKC.IsNormalString(s) {
				t.Fatalf("isNFKC takes %q (%U %U) for NFKC, and it is not", s, a, b)
			}
		}
	}
	for _, s := range fastPathTexts(t) {
		if isNFKC(s) && !norm.NFKC.IsNormalString(s) {
			t.Fatalf("isNFKC(%q) = true, and it is not NFKC", s)
		}
	}
	for _, s := range []string{"ﬁ", "e\u0301", "а\u0483", "ш\u0489", "\u00a0", "№", "…", "\xff", "\xd0", "\xd0A"} {
		if isNFKC(s) {
			t.Errorf("isNFKC(%q) = true, want false", s)
		}
	}
}

// shinglesReference is Shingles as first written.
func shinglesReference(title, body string) []int64 {
	s := strings.ToLower(norm.NFKC.String(title + "\n" + body))
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
	if len(words) < ShingleWords {
		return []int64{}
	}
	var out []int64
	for i := 0; i+ShingleWords <= len(words); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words[i:i+ShingleWords], " ")))
		out = append(out, int64(h.Sum64()))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestShinglesAgreeWithTheReference(t *testing.T) {
	for _, s := range fastPathTexts(t) {
		if got, want := Shingles(s, s[len(s)/2:]), shinglesReference(s, s[len(s)/2:]); !slices.Equal(got, want) {
			t.Fatalf("Shingles(%q) = %v, the reference gives %v", s, got, want)
		}
	}
	if got, want := fnv64a([]string{"су", "құбыры"}), fnvOf("су құбыры"); got != want {
		t.Errorf("fnv64a = %x, hash/fnv gives %x", got, want)
	}
}

func fnvOf(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}
