package poll

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// A feed within the size limit can still be built to exhaust memory: 400,000
// nested elements in 4.4 MB made the feed parser hold 453 MiB. Real feeds
// are shallow (rss > channel > item > media:group > media:content) and
// small (a gov.kz feed has 20 items of a dozen elements), so the answer's
// shape is checked by a streaming pass, which holds one token at a time,
// before any parser builds a tree of it.
const (
	maxNesting  = 64     // elements (XML) or arrays and objects (JSON) inside each other
	maxElements = 20_000 // XML elements, or JSON values, in one answer
)

var errShape = errors.New("shaped to exhaust memory")

// checkXMLShape refuses XML nested deeper than maxNesting or holding more
// than maxElements elements. Malformed XML passes: the parser says what is
// wrong with it in its own words.
func checkXMLShape(body []byte) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	depth, elements := 0, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF || err != nil {
			return nil
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			elements++
			if depth > maxNesting {
				return fmt.Errorf("%w: elements nested more than %d deep", errShape, maxNesting)
			}
			if elements > maxElements {
				return fmt.Errorf("%w: more than %d elements", errShape, maxElements)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// checkJSONShape is checkXMLShape for JSON: arrays and objects nested more
// than maxNesting deep, or more than maxElements values, are refused. It
// counts brackets outside strings, which is all the bound needs.
func checkJSONShape(body []byte) error {
	depth, values := 0, 0
	inString, escaped := false, false
	for _, c := range body {
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			values++
		case '[', '{':
			depth++
			values++
			if depth > maxNesting {
				return fmt.Errorf("%w: arrays and objects nested more than %d deep", errShape, maxNesting)
			}
		case ']', '}':
			depth--
		case ',':
			values++
		}
		if values > maxElements*4 { // keys and strings count too: a gov.kz page of 50 news has ~2,000
			return fmt.Errorf("%w: more than %d values", errShape, maxElements*4)
		}
	}
	return nil
}
