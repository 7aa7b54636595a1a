package fakebotapi

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// HTMLError is why ParseHTML refused a text. Its message reads like the
// description Telegram answers with, after "Bad Request: ".
type HTMLError struct {
	Detail string // e.g. `Unsupported start tag "br" at byte offset 4`
}

func (e *HTMLError) Error() string { return "can't parse entities: " + e.Detail }

// Entity is one formatting entity of a parsed text, with offsets and lengths in
// UTF-16 code units as the Bot API counts them.
type Entity struct {
	Type          string // bold, italic, underline, strikethrough, spoiler, code, pre, text_link, blockquote, expandable_blockquote, custom_emoji
	Offset        int
	Length        int
	URL           string // text_link
	Language      string // pre
	CustomEmojiID string // custom_emoji
	order         int    // opening order, so an outer entity sorts before an inner one of the same range
}

// ParseHTML parses s as a text with parse_mode HTML and returns the text a
// user sees, or an *HTMLError. It follows Telegram's parser (same tags, same
// error messages) but is stricter where Telegram is lenient and the Bot API
// documentation is not: a bare ">" or "&", an unknown named entity such as
// "&nbsp;" or an entity without its ";" is an error here, while Telegram would
// show those characters literally.
func ParseHTML(s string) (plain string, err error) {
	plain, _, err = parseHTML(s)
	return plain, err
}

// TextLength is the length of plain in UTF-16 code units, the unit of
// Telegram's 4096-character message limit.
func TextLength(plain string) int {
	n := 0
	for _, r := range plain {
		n += utf16.RuneLen(r) // an invalid byte decodes to U+FFFD: one unit
	}
	return n
}

// openTag is a start tag waiting for its end tag.
type openTag struct {
	name     string
	arg      string // href, language, custom emoji id or "expandable"
	start    int    // UTF-16 offset of the tag's content in the plain text
	outStart int    // byte offset of the same point
	order    int
}

type htmlParser struct {
	src      string
	pos      int
	out      strings.Builder
	units    int // UTF-16 length of out
	stack    []openTag
	entities []Entity
	opened   int
}

func parseHTML(s string) (string, []Entity, error) {
	if !utf8.ValidString(s) {
		return "", nil, &HTMLError{Detail: "Text must be encoded in UTF-8"}
	}
	p := &htmlParser{src: s}
	for p.pos < len(s) {
		var detail string
		switch c := s[p.pos]; {
		case c == '&':
			detail = p.entity()
		case c == '<' && p.pos+1 < len(s) && s[p.pos+1] == '/':
			detail = p.endTag()
		case c == '<':
			detail = p.startTag()
		case c == '>':
			detail = fmt.Sprintf(`Character ">" at byte offset %d must be escaped as &gt;`, p.pos)
		default:
			r, size := utf8.DecodeRuneInString(s[p.pos:])
			p.write(r)
			p.pos += size
		}
		if detail != "" {
			return "", nil, &HTMLError{Detail: detail}
		}
	}
	if n := len(p.stack); n > 0 {
		return "", nil, &HTMLError{Detail: fmt.Sprintf(`Can't find end tag corresponding to start tag "%s"`, p.stack[n-1].name)}
	}
	return p.out.String(), p.sortedEntities(), nil
}

// sortedEntities orders the entities as Telegram does: by offset, longer
// (outer) first.
func (p *htmlParser) sortedEntities() []Entity {
	sort.SliceStable(p.entities, func(i, j int) bool {
		a, b := p.entities[i], p.entities[j]
		if a.Offset != b.Offset {
			return a.Offset < b.Offset
		}
		if a.Length != b.Length {
			return a.Length > b.Length
		}
		return a.order < b.order
	})
	for i := range p.entities {
		p.entities[i].order = 0 // so that callers can compare entities with ==
		if p.entities[i].Type == "code" {
			p.entities[i].Language = "" // only a pre keeps the language of its code
		}
	}
	return p.entities
}

func (p *htmlParser) write(r rune) {
	p.out.WriteRune(r)
	p.units += utf16.RuneLen(r)
}

// entity decodes the character reference at p.pos.
func (p *htmlParser) entity() string {
	r, n, detail := decodeEntity(p.src, p.pos)
	if detail != "" {
		return detail
	}
	p.write(r)
	p.pos += n
	return ""
}

// namedEntities are the only named character references Telegram knows.
var namedEntities = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "quot": '"'}

// decodeEntity decodes the character reference starting with the "&" at
// s[at]: one of &lt; &gt; &amp; &quot; &#NNN; &#xHH;. It returns the rune and
// the number of bytes consumed, or an error detail.
func decodeEntity(s string, at int) (r rune, n int, detail string) {
	end := at + 1
	numeric, hex := false, false
	if end < len(s) && s[end] == '#' {
		numeric = true
		end++
		if end < len(s) && s[end] == 'x' {
			hex = true
			end++
		}
	}
	digitsStart := end
	for end < len(s) && entityChar(s[end], numeric, hex) {
		end++
	}
	if end == digitsStart || end >= len(s) || s[end] != ';' {
		return 0, 0, fmt.Sprintf(`Character "&" at byte offset %d must be escaped as &amp;`, at)
	}
	name := s[digitsStart:end]
	unsupported := fmt.Sprintf(`Unsupported HTML entity "%s" at byte offset %d`, s[at:end+1], at)
	if !numeric {
		r, ok := namedEntities[name]
		if !ok {
			return 0, 0, unsupported
		}
		return r, end + 1 - at, ""
	}
	var v int64
	base := int64(10)
	if hex {
		base = 16
	}
	for i := 0; i < len(name); i++ {
		v = v*base + int64(hexValue(name[i]))
		if v >= 0x10ffff {
			return 0, 0, unsupported
		}
	}
	if v == 0 {
		return 0, 0, unsupported
	}
	if v >= 0xd800 && v <= 0xdfff {
		return 0, 0, "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units"
	}
	return rune(v), end + 1 - at, ""
}

func entityChar(c byte, numeric, hex bool) bool {
	switch {
	case hex:
		return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
	case numeric:
		return '0' <= c && c <= '9'
	default:
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
}

func hexValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	default:
		return int(c-'A') + 10
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
