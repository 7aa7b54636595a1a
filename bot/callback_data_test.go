package bot

import (
	"errors"
	"math"
	"strconv"
	"testing"
)

// wireCallbacks pins the wire format: buttons already in users' chats carry
// these exact bytes, so a change here breaks them.
var wireCallbacks = []struct {
	cb   callback
	wire string
}{
	{pageCallback(42, 0), "p:42:0"},
	{pageCallback(7, 30), "p:7:30"},
	{pageCallback(math.MaxInt64, math.MaxInt), "p:9223372036854775807:" + strconv.Itoa(math.MaxInt)},
	{followCallback(123), "se:123"},
	{followInsteadCallback(123, 456), "se:123:456"},
	{followInsteadCallback(math.MaxInt64, math.MaxInt64), "se:9223372036854775807:9223372036854775807"},
	{followWordCallback(9), "sw:9"},
	{unfollowCallback(0), "us:0"},
	{unfollowCallback(88), "us:88"},
	{catalogueCallback(), "cat"},
	{cataloguePageCallback("embassy", 0), "cat:embassy:0"},
	{cataloguePageCallback("akimat", 20), "cat:akimat:20"},
	{cataloguePageCallback("abcdefghijklmnopqrstuvwxyz_abcde", math.MaxInt), "cat:abcdefghijklmnopqrstuvwxyz_abcde:" + strconv.Itoa(math.MaxInt)},
	{actOnCallback(0), "ch:0"},
	{actOnCallback(-1001234567890), "ch:1001234567890"},
	{modeCallback(5, "digest"), "md:5:0"},
	{modeCallback(5, "instant"), "md:5:1"},
	{modeCallback(77, "both"), "md:77:2"},
}

func TestCallbackRoundTrip(t *testing.T) {
	seen := map[callbackKind]bool{}
	for _, tt := range wireCallbacks {
		seen[tt.cb.kind] = true
		got := tt.cb.encode()
		if got != tt.wire {
			t.Errorf("%+v encodes as %q, want %q", tt.cb, got, tt.wire)
		}
		if len(got) > maxCallbackData {
			t.Errorf("%q is %d bytes, over Telegram's %d", got, len(got), maxCallbackData)
		}
		back, err := decodeCallback(tt.wire)
		if err != nil || back != tt.cb {
			t.Errorf("decodeCallback(%q) = %+v, %v; want %+v", tt.wire, back, err, tt.cb)
		}
	}
	for kind := range callbackLayouts {
		k := callbackKind(kind)
		if k == cbNone {
			continue
		}
		if !seen[k] {
			t.Errorf("kind %d has no round-trip case", k)
		}
		if callbackHandlers[k] == nil {
			t.Errorf("kind %d has no handler", k)
		}
	}
}

// The catalogue's kinds travel in callback data, so each must be a valid
// section.
func TestCatalogueKindsFitCallbackData(t *testing.T) {
	for _, k := range kinds {
		data := cataloguePageCallback(k.kind, math.MaxInt).encode()
		if _, err := decodeCallback(data); err != nil || len(data) > maxCallbackData {
			t.Errorf("catalogue kind %q: %q (%d bytes) does not decode: %v", k.kind, data, len(data), err)
		}
	}
}

func TestDecodeCallbackRefusesMalformed(t *testing.T) {
	for _, data := range []string{
		"", ":", "zz", "x:1", "P:1:0", " p:1:0", "page:1:0", // unknown prefix
		"p", "p:1", "p:1:2:3", "se", "se:1:2:3", "sw", "sw:1:2", "us", "us:1:2", "cat:embassy", "cat:embassy:0:0", // field count
		"p:1:", "p::0", "se:", "us:", "cat:", "cat::0", "se:1:", "p:1:0:", ":p:1:0", "p:1::0", "cat:embassy:0:", // empty fields, extra separators
		"se:abc", "us:1a", "p:1:x", "cat:embassy:x", "sw:0x10", "se:1e3", "us:1.0", "us: 1", "us:1 ", "us:١٢", // non-numeric
		"us:-1", "p:1:-10", "se:1:-2", "us:+1", "us:-0", "us:01", "p:1:00", // sign, leading zeros
		"us:9223372036854775808", "se:1:99999999999999999999", "p:1:9223372036854775808", // overflow
		"cat:Embassy:0", "cat:emb-assy:0", "cat:1:0", "cat:посольство:0", "cat:abcdefghijklmnopqrstuvwxyz_abcdef:0", // bad section
		"us:1\x00", "us:\xff", "p:1:0\n", // stray bytes
		"se:1:" + string(make([]byte, 64)),
	} {
		cb, err := decodeCallback(data)
		if !errors.Is(err, errBadCallback) {
			t.Errorf("decodeCallback(%q) = %+v, %v; want errBadCallback", data, cb, err)
		}
	}
}

// FuzzDecodeCallback checks that decoding never panics and that whatever it
// accepts has exactly one spelling, so a decoded button is one we could have
// sent.
func FuzzDecodeCallback(f *testing.F) {
	for _, tt := range wireCallbacks {
		f.Add(tt.wire)
	}
	for _, s := range []string{"", "zz", "se:abc", "p:1:-1", "us:01", "cat::0", "se:1:2:3", "us:9223372036854775808"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		cb, err := decodeCallback(data)
		if err != nil {
			if !errors.Is(err, errBadCallback) {
				t.Fatalf("decodeCallback(%q): error %v is not errBadCallback", data, err)
			}
			return
		}
		if got := cb.encode(); got != data {
			t.Fatalf("decodeCallback(%q) = %+v, which encodes as %q", data, cb, got)
		}
		if len(data) > maxCallbackData {
			t.Fatalf("decodeCallback accepted %d bytes", len(data))
		}
	})
}
