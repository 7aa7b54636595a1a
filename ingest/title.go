package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDisplayTitle is the longest title derived from a body, in characters,
// "…" included: about two lines of a Telegram message on a phone.
const maxDisplayTitle = 120

// openers are the quotes and brackets that may open a sentence.
const openers = "«“\"'(["

// CleanTitle tidies a title: whitespace collapsed, the *...* wrapping some
// sources put around titles removed. A title with no letter or digit (the
// aggregator has one that is just "-") is no title: it returns "".
func CleanTitle(s string) string {
	s = oneLine(s)
	for len(s) >= 2 && s[0] == '*' && s[len(s)-1] == '*' {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if !hasWords(s) {
		return ""
	}
	return s
}

// hasWords reports whether s has a letter or a digit.
func hasWords(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// DisplayTitle is the title shown for a release that has none: the first
// sentence of its body, cut at a word boundary to at most 120 characters
// with "…" when cut. It is "" when the body is empty; the renderer then
// shows a placeholder with the entity's name.
func DisplayTitle(body string) string {
	para, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
	para = oneLine(para)
	// A first "sentence" or paragraph of punctuation alone is no title.
	var s []rune
	for _, c := range []string{firstSentence(para), para, oneLine(body)} {
		if hasWords(c) {
			s = []rune(fromFirstWord(c))
			break
		}
	}
	if len(s) <= maxDisplayTitle {
		return strings.TrimSpace(strings.TrimSuffix(string(s), "."))
	}
	cut := maxDisplayTitle - 1 // room for "…"
	for i := cut; i > cut/2; i-- {
		if unicode.IsSpace(s[i]) {
			cut = i
			break
		}
	}
	head := strings.TrimRightFunc(string(s[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—(«“\"", r)
	})
	return head + "…"
}

// fromFirstWord drops what comes before the first letter or digit (a list
// dash, stray symbols), keeping an opening quote or bracket right before it.
func fromFirstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if i <= 0 {
		return s
	}
	if r, size := utf8.DecodeLastRuneInString(s[:i]); strings.ContainsRune(openers, r) {
		i -= size
	}
	return s[i:]
}

// firstSentence cuts s after the first ".", "!", "?" or "…" that is followed
// by a space and a capital letter or an opening quote. Requiring the capital
// keeps "School No. 190" and "24 Nov. 2025" in one piece; glued sentences
// ("took place.During") are left to the length limit.
func firstSentence(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		if !strings.ContainsRune(".!?…", r) || i+2 >= len(rs) || rs[i+1] != ' ' {
			continue
		}
		if next := rs[i+2]; unicode.IsUpper(next) || strings.ContainsRune(openers, next) {
			return string(rs[:i+1])
		}
	}
	return s
}
