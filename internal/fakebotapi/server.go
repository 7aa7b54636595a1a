package fakebotapi

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// ErrClosed is returned by the Wait methods once the server is closed.
var ErrClosed = errors.New("fakebotapi: server closed")

// Server is a fake Bot API. It is safe for concurrent use.
type Server struct {
	cfg       config
	http      *httptest.Server
	closed    chan struct{}
	closeOnce sync.Once
	workers   sync.WaitGroup

	mu           sync.Mutex
	changed      chan struct{} // closed and replaced on every change of state
	hook         func(Call) *APIError
	calls        []Call
	attempts     []SendAttempt
	limit        limiter
	blocked      map[int64]bool
	migrated     map[int64]int64
	chats        map[int64]wireChat
	members      map[memberKey]Member
	msgs         []Message
	msgIndex     map[int64]int   // message id → index in msgs
	userMsgs     map[int64]int64 // ids of users' messages → their chat
	nextMsgID    int64
	updates      []queuedUpdate
	nextUpdateID int64
	pollers      map[string]chan struct{} // token → the running getUpdates
	queries      map[string]bool          // callback query id → answered
	nextQueryID  int64
	answers      []CallbackAnswer
	commands     map[commandKey][]Command
	webhook      Webhook
	pending      []Event // for the WithEvents function
}

// New starts a fake Bot API on a loopback address. Close it when done.
func New(opts ...Option) *Server {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{
		cfg:      cfg,
		closed:   make(chan struct{}),
		changed:  make(chan struct{}),
		limit:    limiter{perSecond: cfg.perSecond, chatMax: cfg.chatMax, chatPer: cfg.chatPer, perChat: map[int64][]time.Time{}},
		blocked:  map[int64]bool{},
		migrated: map[int64]int64{},
		chats:    map[int64]wireChat{},
		members:  map[memberKey]Member{},
		msgIndex: map[int64]int{},
		userMsgs: map[int64]int64{},
		pollers:  map[string]chan struct{}{},
		queries:  map[string]bool{},
		commands: map[commandKey][]Command{},
	}
	if cfg.onEvent != nil {
		s.workers.Add(1)
		go s.dispatchEvents()
	}
	s.http = httptest.NewServer(s)
	return s
}

// URL is the server's base URL, for bot.WithServerURL.
func (s *Server) URL() string { return s.http.URL }

// Close ends pending long polls and hung requests, stops the server and waits
// for its goroutines. It may be called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.closed)
		s.http.Close()
		s.workers.Wait()
	})
}

type handlerFunc func(s *Server, ctx context.Context, c Call) (any, *APIError)

// handlers are the implemented methods, by lower-case name.
var handlers = map[string]handlerFunc{
	"getme":                  (*Server).getMe,
	"getupdates":             (*Server).getUpdates,
	"sendmessage":            (*Server).sendMessage,
	"editmessagetext":        (*Server).editMessageText,
	"editmessagereplymarkup": (*Server).editMessageReplyMarkup,
	"deletemessage":          (*Server).deleteMessage,
	"answercallbackquery":    (*Server).answerCallbackQuery,
	"sendchataction":         (*Server).sendChatAction,
	"setmycommands":          (*Server).setMyCommands,
	"getmycommands":          (*Server).getMyCommands,
	"deletemycommands":       (*Server).deleteMyCommands,
	"setwebhook":             (*Server).setWebhook,
	"deletewebhook":          (*Server).deleteWebhook,
	"getwebhookinfo":         (*Server).getWebhookInfo,
	"getchatmember":          (*Server).getChatMember,
}

// ServeHTTP answers one Bot API request. The Server is an http.Handler, so
// it can also be mounted elsewhere or called without a network.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	token, method, ok := splitPath(r.URL.Path)
	if !ok {
		writeError(w, &APIError{Code: http.StatusNotFound, Description: "Not Found"})
		return
	}
	fields, err := decodeFields(r)
	if err != nil {
		writeError(w, badRequest(err.Error()))
		return
	}
	call := Call{Method: method, Token: token, Fields: fields, Time: s.cfg.now()}
	s.recordCall(call)
	result, apiErr := s.handle(r.Context(), call)
	switch {
	case apiErr != nil && apiErr.Hang:
		s.hang(r.Context())
	case apiErr != nil:
		writeError(w, apiErr)
	default:
		writeResult(w, result)
	}
}

func (s *Server) handle(ctx context.Context, c Call) (any, *APIError) {
	if apiErr := s.runHook(c); apiErr != nil {
		if c.Is("sendMessage") {
			s.mu.Lock()
			s.recordAttemptLocked(c, 0, apiErr)
			s.mu.Unlock()
		}
		return nil, apiErr
	}
	h, ok := handlers[strings.ToLower(c.Method)]
	if !ok {
		return nil, &APIError{Code: http.StatusNotFound, Description: "Not Found: method not found"}
	}
	return h(s, ctx, c)
}

func (s *Server) getMe(_ context.Context, c Call) (any, *APIError) {
	return wireMe{wireUser: s.botUser(c.Token), CanJoinGroups: true}, nil
}

func (s *Server) recordCall(c Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
	if n := s.cfg.maxCalls; n > 0 && len(s.calls) > n {
		s.calls = append([]Call(nil), s.calls[len(s.calls)-n:]...)
	}
	s.changedLocked()
}

// Calls returns the requests to method (case-insensitive), oldest first, or
// all requests when method is "". The Fields maps are shared: do not modify them.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Is(method) {
			out = append(out, c)
		}
	}
	return out
}

// changedLocked wakes everything waiting for a change; the caller holds s.mu.
func (s *Server) changedLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// WaitUntil calls cond, without holding the server's lock, every time the
// server's state changes (a request, an update, a confirmation...) until it
// returns true, ctx ends (ctx.Err()) or the server closes (ErrClosed).
func (s *Server) WaitUntil(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		changed := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		case <-s.closed:
			return ErrClosed
		}
	}
}
