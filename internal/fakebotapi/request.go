package fakebotapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxBody is Telegram's upload limit for bots; larger bodies are refused.
const maxBody = 50 << 20

// Call is one request the server received.
type Call struct {
	Method string            // as spelled in the URL, e.g. "sendMessage"
	Token  string            // the bot token from the URL
	Fields map[string]string // parameters: strings raw, anything else as JSON text (chat_id "123", reply_markup "{...}")
	Time   time.Time
}

// ChatID is the call's chat_id parameter, or 0 when it has none or it is not a number.
func (c Call) ChatID() int64 {
	id, _ := strconv.ParseInt(c.Fields["chat_id"], 10, 64)
	return id
}

// Is reports whether the call is to method; Telegram method names are case-insensitive.
func (c Call) Is(method string) bool { return strings.EqualFold(c.Method, method) }

// splitPath takes "/bot{token}/{method}" (or ".../test/{method}", the test
// environment's form) apart.
func splitPath(path string) (token, method string, ok bool) {
	rest, ok := strings.CutPrefix(path, "/bot")
	if !ok {
		return "", "", false
	}
	token, method, ok = strings.Cut(rest, "/")
	method = strings.TrimPrefix(method, "test/")
	if !ok || token == "" || method == "" || strings.Contains(method, "/") {
		return "", "", false
	}
	return token, method, true
}

// decodeFields reads the parameters of r from its query string and from a
// multipart/form-data, application/json or x-www-form-urlencoded body. Uploaded
// files are skipped.
func decodeFields(r *http.Request) (map[string]string, error) {
	fields := map[string]string{}
	for k, v := range r.URL.Query() {
		fields[k] = v[len(v)-1]
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("can't read request body: %w", err)
	}
	if len(body) > maxBody {
		return nil, errors.New("request body is too large")
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return fields, nil // go-telegram/bot sends an empty multipart body for methods without parameters
	}
	ct, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case ct == "multipart/form-data":
		err = decodeMultipart(body, params["boundary"], fields)
	case ct == "application/json" || ct == "" && body[0] == '{':
		err = decodeJSON(body, fields)
	default:
		err = decodeForm(body, fields)
	}
	return fields, err
}

func decodeMultipart(body []byte, boundary string, fields map[string]string) error {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("can't parse multipart body: %w", err)
		}
		value, err := io.ReadAll(part)
		if err != nil {
			return fmt.Errorf("can't parse multipart body: %w", err)
		}
		if part.FileName() == "" {
			fields[part.FormName()] = string(value)
		}
	}
}

func decodeJSON(body []byte, fields map[string]string) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return fmt.Errorf("can't parse JSON body: %w", err)
	}
	for k, raw := range m {
		var s string
		switch {
		case json.Unmarshal(raw, &s) == nil:
			fields[k] = s
		case string(raw) != "null":
			fields[k] = string(raw)
		}
	}
	return nil
}

func decodeForm(body []byte, fields map[string]string) error {
	values, err := url.ParseQuery(string(body))
	if err != nil {
		return fmt.Errorf("can't parse form body: %w", err)
	}
	for k, v := range values {
		fields[k] = v[len(v)-1]
	}
	return nil
}

// intField parses a numeric parameter; ok is false when it is absent or not a number.
func intField(c Call, name string) (int64, bool) {
	v, present := c.Fields[name]
	if !present {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	return n, err == nil
}

// boolField parses a boolean parameter the way Telegram does: "true" or "1".
func boolField(c Call, name string) bool {
	v := strings.ToLower(strings.TrimSpace(c.Fields[name]))
	return v == "true" || v == "1"
}

// writeResult answers {"ok":true,"result":...}.
func writeResult(w http.ResponseWriter, result any) {
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "result": result})
}

// writeError answers e the way Telegram does, with the same HTTP status as error_code.
func writeError(w http.ResponseWriter, e *APIError) {
	code := e.status()
	body := map[string]any{"ok": false, "error_code": code, "description": e.Description}
	params := map[string]any{}
	if e.RetryAfter > 0 {
		params["retry_after"] = e.RetryAfter
	}
	if e.MigrateToChatID != 0 {
		params["migrate_to_chat_id"] = e.MigrateToChatID
	}
	if len(params) > 0 {
		body["parameters"] = params
	}
	writeJSON(w, code, body)
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	data, err := json.Marshal(body)
	if err != nil {
		status = http.StatusInternalServerError
		data = []byte(`{"ok":false,"error_code":500,"description":"Internal Server Error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
