package fakebotapi

import (
	"encoding/json"
	"net/url"
	"strings"
)

// Button is one inline keyboard button as the bot sent it.
type Button struct {
	Text         string
	CallbackData string
	URL          string
}

// maxCallbackData is Telegram's limit on callback_data, in bytes.
const maxCallbackData = 64

// buttonKinds are the fields that make an inline button do something; a
// button with none of them is a plain text button, refused in inline keyboards.
var buttonKinds = []string{
	"url", "callback_data", "web_app", "login_url", "switch_inline_query",
	"switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
	"copy_text", "callback_game", "pay",
}

// parseMarkup validates a reply_markup parameter. For an inline keyboard it
// returns the buttons and the JSON to echo in the message; other keyboards
// (reply keyboards, remove_keyboard, force_reply) are accepted and not kept,
// as Telegram does not show them in the message either.
func parseMarkup(raw string) ([][]Button, json.RawMessage, *APIError) {
	if strings.TrimSpace(raw) == "" {
		return nil, nil, nil
	}
	var m struct {
		InlineKeyboard json.RawMessage `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return nil, nil, badRequest("can't parse reply keyboard markup JSON object")
	}
	if m.InlineKeyboard == nil {
		return nil, nil, nil
	}
	var rows [][]map[string]json.RawMessage
	if err := json.Unmarshal(m.InlineKeyboard, &rows); err != nil {
		return nil, nil, badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
	}
	keyboard := make([][]Button, 0, len(rows))
	for _, row := range rows {
		buttons := make([]Button, 0, len(row))
		for _, fields := range row {
			b, err := parseButton(fields)
			if err != nil {
				return nil, nil, err
			}
			buttons = append(buttons, b)
		}
		keyboard = append(keyboard, buttons)
	}
	echo, _ := json.Marshal(map[string]any{"inline_keyboard": rows})
	return keyboard, echo, nil
}

func parseButton(fields map[string]json.RawMessage) (Button, *APIError) {
	var b Button
	if json.Unmarshal(fields["text"], &b.Text) != nil {
		return b, badRequest(`can't parse inline keyboard button: Field "text" must be of type String`)
	}
	kind := false
	for _, k := range buttonKinds {
		if _, ok := fields[k]; ok {
			kind = true
		}
	}
	if !kind {
		return b, badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
	}
	if raw, ok := fields["callback_data"]; ok {
		if json.Unmarshal(raw, &b.CallbackData) != nil || len(b.CallbackData) > maxCallbackData {
			return b, badRequest("BUTTON_DATA_INVALID")
		}
	}
	if raw, ok := fields["url"]; ok {
		if json.Unmarshal(raw, &b.URL) != nil || !validButtonURL(b.URL) {
			return b, badRequest("BUTTON_URL_INVALID")
		}
	}
	return b, nil
}

func validButtonURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.Hostname() != ""
	case "tg":
		return true
	}
	return false
}

// sameKeyboard reports whether two keyboards look the same to a user.
func sameKeyboard(a, b [][]Button) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}
