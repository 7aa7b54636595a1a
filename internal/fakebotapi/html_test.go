package fakebotapi

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseHTMLValid(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"bold", "<b>x</b>", "x"},
		{"all simple tags", "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>", "bsieunskd"},
		{"escaped less-than", "a &lt; b", "a < b"},
		{"all named entities", "&lt;&gt;&amp;&quot;", `<>&"`},
		{"numeric entities", "&#65;&#x42;&#x1F600;", "AB😀"},
		{"link", `<a href="https://x">y</a>`, "y"},
		{"link with escaped ampersand", `<a href="https://x.org/?a=1&amp;b=2">y</a>`, "y"},
		{"single-quoted and bare attribute values", `<a href='https://x'>y</a><a href=x.org>z</a>`, "yz"},
		{"nested", "<b>a<i>b<u>c</u></i></b>", "abc"},
		{"code", "<code>x := 1</code>", "x := 1"},
		{"pre with language", `<pre><code class="language-go">func main() {}</code></pre>`, "func main() {}"},
		{"blockquote", "<blockquote>q</blockquote>", "q"},
		{"expandable blockquote", "<blockquote expandable>q</blockquote>", "q"},
		{"spoilers", `<tg-spoiler>a</tg-spoiler><span class="tg-spoiler">b</span>`, "ab"},
		{"custom emoji", `<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>`, "👍"},
		{"upper-case tags", "<B>x</B>", "x"},
		{"unknown attributes ignored", `<b class="x">y</b>`, "y"},
		{"short end tag", "<i>x</>", "x"},
		{"newlines and emoji", "line 1\nline 2 🎉", "line 1\nline 2 🎉"},
		{"quote characters need no escaping", `"quoted" it's`, `"quoted" it's`},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseHTML(tt.in)
			if err != nil {
				t.Fatalf("ParseHTML(%q) error: %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseHTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseHTMLInvalid(t *testing.T) {
	tests := []struct {
		name, in, want string // want: the error detail
	}{
		{"br", "a<br>b", `Unsupported start tag "br" at byte offset 1`},
		{"self-closing br", "<br/>", `Unsupported start tag "br/" at byte offset 0`},
		{"paragraph", "<p>x</p>", `Unsupported start tag "p" at byte offset 0`},
		{"bare less-than", "a < b", `Unsupported start tag "" at byte offset 2`},
		{"bare greater-than", "a > b", `Character ">" at byte offset 2 must be escaped as &gt;`},
		{"bare ampersand", "Tom & Jerry", `Character "&" at byte offset 4 must be escaped as &amp;`},
		{"nbsp", "a&nbsp;b", `Unsupported HTML entity "&nbsp;" at byte offset 1`},
		{"entity without semicolon", "a &lt b", `Character "&" at byte offset 2 must be escaped as &amp;`},
		{"zero numeric entity", "&#0;", `Unsupported HTML entity "&#0;" at byte offset 0`},
		{"surrogate entity", "&#xD800;", "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units"},
		{"unclosed b", "<b>x", `Can't find end tag corresponding to start tag "b"`},
		{"misnested", "<b><i>x</b></i>", `Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{"unexpected end tag", "x</b>", "Unexpected end tag at byte offset 1"},
		{"unclosed start tag", "x <b", "Unclosed start tag at byte offset 2"},
		{"unclosed end tag", "<b>x</b", "Unclosed end tag at byte offset 4"},
		{"unclosed attribute value", `<a href="x>y</a>`, "Unclosed start tag at byte offset 0"},
		{"attribute without name", "<i =x>y</i>", `Empty attribute name in the tag "i" at byte offset 0`},
		{"bad name token", "<a href=x,y>z</a>", "Unexpected end of name token at byte offset 8"},
		{"span without spoiler class", `<span class="x">y</span>`, `Tag "span" must have class "tg-spoiler" at byte offset 0`},
		{"bad emoji id", `<tg-emoji emoji-id="x">👍</tg-emoji>`, "Invalid custom emoji identifier specified"},
		{"ampersand in attribute", `<a href="https://x?a=1&b=2">y</a>`, `Character "&" at byte offset 22 must be escaped as &amp;`},
		{"invalid UTF-8", "a\xffb", "Text must be encoded in UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseHTML(tt.in)
			var herr *HTMLError
			if !errors.As(err, &herr) {
				t.Fatalf("ParseHTML(%q) error = %v, want an *HTMLError", tt.in, err)
			}
			if herr.Detail != tt.want {
				t.Errorf("ParseHTML(%q) detail = %q, want %q", tt.in, herr.Detail, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "can't parse entities: ") {
				t.Errorf("error %q does not start with \"can't parse entities: \"", err)
			}
		})
	}
}

func TestParseHTMLEntities(t *testing.T) {
	tests := []struct {
		in   string
		want []Entity
	}{
		{"a <b>bold</b>", []Entity{{Type: "bold", Offset: 2, Length: 4}}},
		{"😀<i>x</i>", []Entity{{Type: "italic", Offset: 2, Length: 1}}},
		{`<a href="https://x.org">y</a>`, []Entity{{Type: "text_link", Offset: 0, Length: 1, URL: "https://x.org"}}},
		{"<a>https://x.org</a>", []Entity{{Type: "text_link", Offset: 0, Length: 13, URL: "https://x.org"}}},
		{"<a>not a link</a>", nil},
		{"<b></b>x", nil},
		{`<pre><code class="language-go">x</code></pre>`, []Entity{{Type: "pre", Offset: 0, Length: 1, Language: "go"}}},
		{"<pre><code>x</code></pre>", []Entity{{Type: "pre", Offset: 0, Length: 1}, {Type: "code", Offset: 0, Length: 1}}},
		{`<pre><code class="language-go">x</code> </pre>`, []Entity{{Type: "pre", Offset: 0, Length: 2}, {Type: "code", Offset: 0, Length: 1}}},
		{"<blockquote expandable>q</blockquote>", []Entity{{Type: "expandable_blockquote", Offset: 0, Length: 1}}},
		{"<b>a<i>b</i></b>", []Entity{{Type: "bold", Offset: 0, Length: 2}, {Type: "italic", Offset: 1, Length: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, got, err := parseHTML(tt.in)
			if err != nil {
				t.Fatalf("parseHTML(%q) error: %v", tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseHTML(%q) entities = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextLength(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"привет", 6},
		{"😀", 2}, // outside the BMP: a surrogate pair
		{"a😀b", 4},
	}
	for _, tt := range tests {
		if got := TextLength(tt.in); got != tt.want {
			t.Errorf("TextLength(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// FuzzParseHTML checks that the parser never panics and that what it accepts
// is consistent: plain text is valid UTF-8 and entities lie inside it.
func FuzzParseHTML(f *testing.F) {
	for _, seed := range []string{"<b>x</b>", "a &lt; b", `<a href="https://x">y</a>`, "<pre><code class=\"language-go\">x</code></pre>", "<i =x>", "&#x1F600;", "<b><i>x</b></i>"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plain, entities, err := parseHTML(s)
		if err != nil {
			return
		}
		n := TextLength(plain)
		for _, e := range entities {
			if e.Offset < 0 || e.Length <= 0 || e.Offset+e.Length > n {
				t.Fatalf("parseHTML(%q): entity %+v outside the %d-unit text %q", s, e, n, plain)
			}
		}
	})
}
