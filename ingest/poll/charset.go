package poll

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"regexp"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// xmlEncoding finds the encoding of an XML declaration.
var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

var errNotUTF8 = errors.New("the answer claims UTF-8 (or says nothing, which means UTF-8) but is not valid UTF-8")

// toUTF8 returns body as UTF-8, following the charset of the Content-Type
// header, else (for XML) the declaration's encoding, else UTF-8 — the order
// of RFC 7303. Bytes that are not valid in what they claim to be are an
// error: decoding them anyway would store mojibake (windows-1251 read as
// UTF-8 turns every Cyrillic letter into U+FFFD). An XML declaration is
// rewritten to say UTF-8, so that the feed parser does not decode it again.
func toUTF8(body []byte, contentType string, isXML bool) ([]byte, error) {
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	if isXML && label == "" {
		if m := xmlEncoding.FindSubmatch(body[:min(len(body), 256)]); m != nil {
			label = string(m[1])
		}
	}
	if label != "" {
		enc, name := charset.Lookup(label)
		if enc == nil {
			return nil, fmt.Errorf("unknown character encoding %q", label)
		}
		if name != "utf-8" {
			out, err := enc.NewDecoder().Bytes(body)
			if err != nil {
				return nil, fmt.Errorf("decoding %s: %w", name, err)
			}
			body = out
		}
	}
	if !utf8.Valid(body) {
		return nil, errNotUTF8
	}
	if isXML {
		body = declareUTF8(body)
	}
	return body, nil
}

// declareUTF8 rewrites the encoding of the XML declaration, if any, to UTF-8.
func declareUTF8(b []byte) []byte {
	m := xmlEncoding.FindSubmatchIndex(b[:min(len(b), 256)])
	if m == nil {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:m[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, b[m[3]:]...)
}
