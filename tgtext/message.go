package tgtext

import "strings"

// Block is a piece of a message: its HTML and the text a reader sees.
type Block struct{ HTML, Plain string }

// Message builds one message's HTML while counting its visible length, so
// that a list can stop before Telegram's limit instead of being refused.
type Message struct {
	html, plain strings.Builder
	visible     int
}

// Add appends an HTML fragment whose visible text is plain.
func (m *Message) Add(html, plain string) {
	m.html.WriteString(html)
	m.plain.WriteString(plain)
	m.visible += UTF16Len(plain)
}

// AddBlock appends b.
func (m *Message) AddBlock(b Block) { m.Add(b.HTML, b.Plain) }

// Text appends plain text, escaped.
func (m *Message) Text(plain string) { m.Add(Esc(plain), plain) }

// Fits reports whether a part with this much visible text still fits,
// keeping reserve units for what must follow.
func (m *Message) Fits(plain string, reserve int) bool {
	return m.visible+UTF16Len(plain)+reserve <= MaxMessageLength
}

// Empty reports whether nothing visible was added.
func (m *Message) Empty() bool { return m.visible == 0 }

// String is the message's HTML.
func (m *Message) String() string { return m.html.String() }

// Plain is the message's visible text.
func (m *Message) Plain() string { return m.plain.String() }

// Splitter cuts a long text into messages of at most MaxMessageLength
// visible units, between the blocks it is given, never inside one.
type Splitter struct {
	parts []Block
	cur   Message
}

// Fits reports whether this much more visible text fits in the current
// message.
func (s *Splitter) Fits(plain string) bool { return s.cur.Fits(plain, 0) }

// Add appends an HTML fragment and its visible text to the current message.
func (s *Splitter) Add(html, plain string) { s.cur.Add(html, plain) }

// Flush ends the current message, if it holds anything.
func (s *Splitter) Flush() {
	if s.cur.Empty() {
		return
	}
	s.parts = append(s.parts, Block{
		HTML:  strings.TrimRight(s.cur.String(), "\n"),
		Plain: strings.TrimRight(s.cur.Plain(), "\n"),
	})
	s.cur = Message{}
}

// Parts are the messages flushed so far.
func (s *Splitter) Parts() []Block { return s.parts }
