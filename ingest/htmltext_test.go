package ingest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs", "<p>First  paragraph.</p><p>Second\n paragraph.</p>", "First paragraph.\n\nSecond paragraph."},
		{"br", "Line one<br>Line two<br/>Line three", "Line one\nLine two\nLine three"},
		{"list", "<p>Agenda:</p><ul><li>roads</li><li>schools</li></ul><p>End.</p>", "Agenda:\n\nroads\nschools\n\nEnd."},
		{"entities", "<p>Tom &amp; Jerry &laquo;Қазақстан&raquo;&nbsp;2025 &#8211; &lt;b&gt;</p>", "Tom & Jerry «Қазақстан» 2025 – <b>"},
		{"nested inline tags", "<p><b>Bold</b> and <i>it<span>al</span>ic</i> <a href=\"x\">link</a></p>", "Bold and italic link"},
		{"script and style dropped", "<style>p{color:red}</style><p>Text</p><script>alert('x')</script><noscript>no</noscript>", "Text"},
		{"headings", "<h1>Title</h1><div>Body <div>nested</div></div>", "Title\n\nBody\n\nnested"},
		{"empty blocks", "<p></p><p> </p><div><p>Only</p></div><p></p>", "Only"},
		{"table", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a b\nc d"},
		{"pre keeps lines", "<pre>one\ntwo</pre>", "one\ntwo"},
		{"comment", "a<!-- hidden -->b", "ab"},
		{"unclosed tags", "<p>one<p>two<b>three", "one\n\ntwothree"},
		{"plain text keeps its lines", "First  line\nsecond line\n\n\n\nNew paragraph  ", "First line\nsecond line\n\nNew paragraph"},
		{"plain text with a less-than", "a < b and c > d", "a < b and c > d"},
		{"plain text entity", "Tom &amp; Jerry", "Tom & Jerry"},
		{"empty", "", ""},
		{"nul and controls", "<p>a\x00b\x07c</p>", "abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTMLToText(tt.in); got != tt.want {
				t.Errorf("HTMLToText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// A body beyond the markup bound is cut at a character, never inside one.
func TestHTMLToTextCutsAnOverlongBodyAtACharacter(t *testing.T) {
	long := "<p>" + strings.Repeat("Шымкент ", maxMarkupBytes/8) + "</p>"
	got := HTMLToText(long)
	if !utf8.ValidString(got) || len(got) > maxMarkupBytes || len(got) < maxMarkupBytes/2 {
		t.Errorf("HTMLToText of %d bytes = %d bytes (valid UTF-8: %v), want a valid cut near %d", len(long), len(got), utf8.ValidString(got), maxMarkupBytes)
	}
}
