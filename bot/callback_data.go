package bot

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Callback data is what an inline button sends back when pressed. Telegram
// keeps it with the message, so a button sent months ago still arrives: the
// formats below are a wire format that must not change, and each must fit
// Telegram's 64 bytes. Any client can also send any bytes, so decoding trusts
// nothing.
//
//	p:QID:OFFSET        a page of a saved /latest or /search query
//	se:ENTITY           follow an entity
//	se:ENTITY:SUB       follow an entity instead of keyword subscription SUB
//	sw:ENTITY           follow the entity's slug as a keyword
//	us:SUB              stop following SUB
//	cat                 the catalogue's kinds
//	cat:KIND:OFFSET     a page of the catalogue
//	ch:CHANNEL          act on the channel whose id is -CHANNEL; ch:0 on this chat
//	md:SUB:MODE         deliver SUB by mode MODE (0 digest, 1 instant, 2 both)
//
// Numbers are non-negative decimals without a sign or leading zeros, so that
// each callback has exactly one spelling.

// maxCallbackData is Telegram's limit on callback_data, in bytes.
const maxCallbackData = 64

// maxCatalogueKind bounds a catalogue kind so that cat:KIND:OFFSET fits
// maxCallbackData even with the largest offset.
const maxCatalogueKind = 32

var errBadCallback = errors.New("bot: malformed callback data")

// callbackKind says what a button does, and so which fields it carries.
type callbackKind uint8

const (
	cbNone          callbackKind = iota // the zero value; never encoded or decoded
	cbPage                              // id (query), offset
	cbFollow                            // id (entity)
	cbFollowInstead                     // id (entity), sub
	cbFollowWord                        // id (entity)
	cbUnfollow                          // id (subscription)
	cbCatalogue                         // nothing
	cbCataloguePage                     // section, offset
	cbActOn                             // id (minus the channel's id; 0 for this chat)
	cbMode                              // id (subscription), offset (the mode's index in deliveryModes)
)

// changes reports whether pressing the button changes the chat's
// subscriptions, which in groups and channels only administrators may do.
func (cb callback) changes() bool {
	switch cb.kind {
	case cbFollow, cbFollowInstead, cbFollowWord, cbUnfollow, cbMode:
		return true
	}
	return false
}

// settings reports whether the button is about the chat's subscriptions,
// and so, pressed in a private chat that acts on a channel, the channel's.
func (cb callback) settings() bool {
	return cb.changes() || cb.kind == cbCatalogue || cb.kind == cbCataloguePage
}

// callback is the data of one button: its kind and the fields that kind
// carries (the others stay zero, so two equal callbacks encode alike).
type callback struct {
	kind    callbackKind
	id      int64  // the saved query, the entity or the subscription
	sub     int64  // the keyword subscription a followed entity replaces
	offset  int    // the first item of a page
	section string // the catalogue's kind of entity (store.Kind*)
}

func pageCallback(qid int64, offset int) callback {
	return callback{kind: cbPage, id: qid, offset: offset}
}

func followCallback(entityID int64) callback { return callback{kind: cbFollow, id: entityID} }

func followInsteadCallback(entityID, subID int64) callback {
	return callback{kind: cbFollowInstead, id: entityID, sub: subID}
}

func followWordCallback(entityID int64) callback { return callback{kind: cbFollowWord, id: entityID} }

func unfollowCallback(subID int64) callback { return callback{kind: cbUnfollow, id: subID} }

func catalogueCallback() callback { return callback{kind: cbCatalogue} }

// actOnCallback acts on the channel channelID (always negative, as channel
// ids are), or on the private chat itself when channelID is 0.
func actOnCallback(channelID int64) callback { return callback{kind: cbActOn, id: -channelID} }

// modeCallback delivers subscription subID by mode (one of deliveryModes).
func modeCallback(subID int64, mode string) callback {
	return callback{kind: cbMode, id: subID, offset: slices.Index(deliveryModes, mode)}
}

func cataloguePageCallback(kind string, offset int) callback {
	return callback{kind: cbCataloguePage, section: kind, offset: offset}
}

// callbackField names a field of callback as it appears on the wire.
type callbackField uint8

const (
	fieldID callbackField = iota
	fieldSub
	fieldOffset
	fieldSection
)

// callbackLayouts is the wire format of each kind: a prefix, then its fields
// in order, all joined by ':'. encode and decode both read it, so they cannot
// disagree. Two kinds may share a prefix when their field counts differ.
var callbackLayouts = [...]struct {
	prefix string
	fields []callbackField
}{
	cbPage:          {"p", []callbackField{fieldID, fieldOffset}},
	cbFollow:        {"se", []callbackField{fieldID}},
	cbFollowInstead: {"se", []callbackField{fieldID, fieldSub}},
	cbFollowWord:    {"sw", []callbackField{fieldID}},
	cbUnfollow:      {"us", []callbackField{fieldID}},
	cbCatalogue:     {"cat", nil},
	cbCataloguePage: {"cat", []callbackField{fieldSection, fieldOffset}},
	cbActOn:         {"ch", []callbackField{fieldID}},
	cbMode:          {"md", []callbackField{fieldID, fieldOffset}},
}

// encode is the callback_data of cb. The ids come from the store and the
// sections from the catalogue's kinds, which the tests check fit.
func (cb callback) encode() string {
	l := callbackLayouts[cb.kind]
	var s strings.Builder
	s.WriteString(l.prefix)
	for _, f := range l.fields {
		s.WriteByte(':')
		s.WriteString(cb.field(f))
	}
	return s.String()
}

// decodeCallback reads callback_data; anything that encode would not have
// written is errBadCallback.
func decodeCallback(data string) (callback, error) {
	if len(data) > maxCallbackData {
		return callback{}, fmt.Errorf("%w: %d bytes", errBadCallback, len(data))
	}
	prefix, rest, hasFields := strings.Cut(data, ":")
	var values []string
	if hasFields {
		values = strings.Split(rest, ":")
	}
	for kind, l := range callbackLayouts {
		if callbackKind(kind) == cbNone || l.prefix != prefix || len(l.fields) != len(values) {
			continue
		}
		cb := callback{kind: callbackKind(kind)}
		for i, f := range l.fields {
			if err := cb.setField(f, values[i]); err != nil {
				return callback{}, fmt.Errorf("%w %q: %v", errBadCallback, data, err)
			}
		}
		return cb, nil
	}
	return callback{}, fmt.Errorf("%w %q: unknown prefix or field count", errBadCallback, data)
}

func (cb callback) field(f callbackField) string {
	switch f {
	case fieldID:
		return strconv.FormatInt(cb.id, 10)
	case fieldSub:
		return strconv.FormatInt(cb.sub, 10)
	case fieldOffset:
		return strconv.Itoa(cb.offset)
	default:
		return cb.section
	}
}

func (cb *callback) setField(f callbackField, v string) error {
	switch f {
	case fieldID:
		n, err := parseCallbackNumber(v, 64)
		cb.id = n
		return err
	case fieldSub:
		n, err := parseCallbackNumber(v, 64)
		cb.sub = n
		return err
	case fieldOffset:
		n, err := parseCallbackNumber(v, strconv.IntSize)
		cb.offset = int(n)
		return err
	default:
		if !validSection(v) {
			return fmt.Errorf("bad catalogue kind %q", v)
		}
		cb.section = v
		return nil
	}
}

// parseCallbackNumber accepts only what strconv.FormatInt writes for a
// non-negative number that fits bits: no sign, no leading zeros.
func parseCallbackNumber(v string, bits int) (int64, error) {
	if v == "" || (v[0] == '0' && len(v) > 1) {
		return 0, fmt.Errorf("bad number %q", v)
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return 0, fmt.Errorf("bad number %q", v)
		}
	}
	return strconv.ParseInt(v, 10, bits) // fails only on overflow now
}

// validSection accepts the spelling of the store's entity kinds: lower-case
// letters and underscores, short enough to fit.
func validSection(v string) bool {
	if v == "" || len(v) > maxCatalogueKind {
		return false
	}
	for i := 0; i < len(v); i++ {
		if (v[i] < 'a' || v[i] > 'z') && v[i] != '_' {
			return false
		}
	}
	return true
}
