package fakebotapi

import (
	"fmt"
	"strconv"
	"strings"
)

// entityTypes maps every tag Telegram accepts to the entity it produces.
var entityTypes = map[string]string{
	"b": "bold", "strong": "bold",
	"i": "italic", "em": "italic",
	"u": "underline", "ins": "underline",
	"s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
	"tg-spoiler": "spoiler", "span": "spoiler",
	"a":          "text_link",
	"code":       "code",
	"pre":        "pre",
	"blockquote": "blockquote",
	"tg-emoji":   "custom_emoji",
}

// startTag parses the start tag at p.pos, attributes included.
func (p *htmlParser) startTag() string {
	s, begin := p.src, p.pos
	j := begin + 1
	for j < len(s) && !isSpace(s[j]) && s[j] != '>' {
		j++
	}
	if j == len(s) {
		return fmt.Sprintf("Unclosed start tag at byte offset %d", begin)
	}
	tag := openTag{name: strings.ToLower(s[begin+1 : j]), start: p.units, outStart: p.out.Len(), order: p.opened}
	if _, ok := entityTypes[tag.name]; !ok {
		return fmt.Sprintf(`Unsupported start tag "%s" at byte offset %d`, tag.name, begin)
	}
	for {
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j == len(s) {
			return fmt.Sprintf("Unclosed start tag at byte offset %d", begin)
		}
		if s[j] == '>' {
			break
		}
		name, value, next, detail := p.attribute(tag.name, begin, j)
		if detail != "" {
			return detail
		}
		if detail := tag.apply(name, value); detail != "" {
			return detail
		}
		j = next
	}
	if tag.name == "span" && tag.arg != "spoiler" {
		return fmt.Sprintf(`Tag "span" must have class "tg-spoiler" at byte offset %d`, begin)
	}
	p.stack = append(p.stack, tag)
	p.opened++
	p.pos = j + 1
	return ""
}

// attribute parses one attribute starting at s[j]: a bare name, name=token or
// name="string". It returns the position after it.
func (p *htmlParser) attribute(tagName string, begin, j int) (name, value string, next int, detail string) {
	s := p.src
	nameStart := j
	for j < len(s) && !isSpace(s[j]) && s[j] != '=' && s[j] != '>' {
		j++
	}
	name = s[nameStart:j]
	if name == "" {
		return "", "", 0, fmt.Sprintf(`Empty attribute name in the tag "%s" at byte offset %d`, tagName, begin)
	}
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	if j == len(s) || s[j] != '=' {
		return name, "", j, "" // an attribute without a value, e.g. <blockquote expandable>
	}
	j++
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	if j == len(s) {
		return "", "", 0, fmt.Sprintf(`Unclosed start tag "%s" at byte offset %d`, tagName, begin)
	}
	if q := s[j]; q == '"' || q == '\'' {
		return p.quotedValue(name, begin, j)
	}
	tokenStart := j
	for j < len(s) && (isAlnum(s[j]) || s[j] == '.' || s[j] == '-') {
		j++
	}
	if j == len(s) {
		return "", "", 0, fmt.Sprintf("Unclosed start tag at byte offset %d", begin)
	}
	if !isSpace(s[j]) && s[j] != '>' {
		return "", "", 0, fmt.Sprintf("Unexpected end of name token at byte offset %d", tokenStart)
	}
	return name, strings.ToLower(s[tokenStart:j]), j, ""
}

// quotedValue reads the string literal whose quote is at s[j], decoding
// character references.
func (p *htmlParser) quotedValue(name string, begin, j int) (string, string, int, string) {
	s := p.src
	quote := s[j]
	j++
	var v strings.Builder
	for j < len(s) && s[j] != quote {
		if s[j] == '&' {
			r, n, detail := decodeEntity(s, j)
			if detail != "" {
				return "", "", 0, detail
			}
			v.WriteRune(r)
			j += n
			continue
		}
		v.WriteByte(s[j])
		j++
	}
	if j == len(s) {
		return "", "", 0, fmt.Sprintf("Unclosed start tag at byte offset %d", begin)
	}
	return name, v.String(), j + 1, ""
}

// apply records the attributes Telegram gives meaning to; others are ignored.
func (t *openTag) apply(name, value string) string {
	switch {
	case t.name == "a" && name == "href":
		t.arg = value
	case t.name == "code" && name == "class" && strings.HasPrefix(value, "language-"):
		t.arg = strings.TrimPrefix(value, "language-")
	case t.name == "span" && name == "class" && strings.HasPrefix(value, "tg-"):
		t.arg = strings.TrimPrefix(value, "tg-")
	case t.name == "blockquote" && name == "expandable":
		t.arg = "expandable"
	case t.name == "tg-emoji" && name == "emoji-id":
		if id, err := strconv.ParseInt(value, 10, 64); err != nil || id == 0 {
			return "Invalid custom emoji identifier specified"
		}
		t.arg = value
	}
	return ""
}

// endTag parses the end tag at p.pos and closes the innermost open tag.
func (p *htmlParser) endTag() string {
	s, begin := p.src, p.pos
	if len(p.stack) == 0 {
		return fmt.Sprintf("Unexpected end tag at byte offset %d", begin)
	}
	j := begin + 2
	for j < len(s) && !isSpace(s[j]) && s[j] != '>' {
		j++
	}
	name := s[begin+2 : j]
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	if j == len(s) || s[j] != '>' {
		return fmt.Sprintf("Unclosed end tag at byte offset %d", begin)
	}
	top := p.stack[len(p.stack)-1]
	if name != "" && !strings.EqualFold(name, top.name) {
		return fmt.Sprintf(`Unmatched end tag at byte offset %d, expected "</%s>", found "</%s>"`, begin, top.name, name)
	}
	p.stack = p.stack[:len(p.stack)-1]
	p.pos = j + 1
	p.close(top)
	return ""
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
