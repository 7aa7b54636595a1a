package fakebotapi

import (
	"context"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// Command is one entry of the bot's command menu.
type Command struct {
	Command     string `json:"command"`
	Description string `json:"description"`
}

// commandKey is where setMyCommands stores a list: a scope and a language.
type commandKey struct {
	scope string // "default", "all_private_chats", "chat:123", "chat_member:123:456"...
	lang  string // "" for all languages
}

// Commands returns the command lists set for the default scope, by language
// code ("" is the list for all languages).
func (s *Server) Commands() map[string][]Command {
	return s.ScopedCommands("default")
}

// ScopedCommands returns the command lists set for scope, by language code.
// A scope is written as its type, followed by ":chat_id" and ":user_id" when
// it has them: "default", "all_private_chats", "all_group_chats",
// "all_chat_administrators", "chat:-100123", "chat_administrators:-100123",
// "chat_member:-100123:42".
func (s *Server) ScopedCommands(scope string) map[string][]Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string][]Command{}
	for k, list := range s.commands {
		if k.scope == scope {
			out[k.lang] = append([]Command(nil), list...)
		}
	}
	return out
}

// parseScope turns a scope parameter into its key form.
func parseScope(raw string) (string, *APIError) {
	if raw == "" {
		return "default", nil
	}
	var sc struct {
		Type   string          `json:"type"`
		ChatID json.RawMessage `json:"chat_id"`
		UserID int64           `json:"user_id"`
	}
	if err := json.Unmarshal([]byte(raw), &sc); err != nil || sc.Type == "" {
		return "", badRequest("can't parse BotCommandScope JSON object")
	}
	key := sc.Type
	if sc.ChatID != nil {
		var id string
		if json.Unmarshal(sc.ChatID, &id) != nil {
			id = string(sc.ChatID) // a number
		}
		key += ":" + id
	}
	if sc.UserID != 0 {
		key += ":" + strconv.FormatInt(sc.UserID, 10)
	}
	return key, nil
}

func commandKeyOf(c Call) (commandKey, *APIError) {
	scope, err := parseScope(c.Fields["scope"])
	return commandKey{scope: scope, lang: c.Fields["language_code"]}, err
}

func (s *Server) setMyCommands(_ context.Context, c Call) (any, *APIError) {
	key, apiErr := commandKeyOf(c)
	if apiErr != nil {
		return nil, apiErr
	}
	var list []Command
	if err := json.Unmarshal([]byte(c.Fields["commands"]), &list); err != nil {
		return nil, badRequest("can't parse commands JSON object")
	}
	for _, cmd := range list {
		if !validCommand(cmd.Command) {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
		if n := utf8.RuneCountInString(cmd.Description); n == 0 || n > 256 {
			return nil, badRequest("command description must be non-empty")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(list) == 0 {
		delete(s.commands, key)
	} else {
		s.commands[key] = list
	}
	s.changedLocked()
	return true, nil
}

// validCommand: 1-32 characters, lowercase Latin letters, digits and underscores.
func validCommand(name string) bool {
	if len(name) == 0 || len(name) > 32 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func (s *Server) getMyCommands(_ context.Context, c Call) (any, *APIError) {
	key, apiErr := commandKeyOf(c)
	if apiErr != nil {
		return nil, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Command{}, s.commands[key]...), nil
}

func (s *Server) deleteMyCommands(_ context.Context, c Call) (any, *APIError) {
	key, apiErr := commandKeyOf(c)
	if apiErr != nil {
		return nil, apiErr
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.commands, key)
	s.changedLocked()
	return true, nil
}
