// Package fakegovkz is a fake gov.kz for tests: the RSS feed and the JSON
// list API of each entity and language, in the shapes package poll reads
// (see poll's package comment), with conditional requests (ETag, Last-Modified, 304), the cookie-ticket
// handshake the list API requires, paging, and the broken answers a real
// server sometimes gives, on demand. It records every request, and how many
// were in flight at once on each path.
package fakegovkz

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"time"
)

// News is one release as gov.kz serves it.
type News struct {
	ID      int64
	Title   string
	Body    string // HTML
	Created time.Time
}

// Request is a request the fake received.
type Request struct {
	Endpoint string // "rss", "api" or "ticket"
	Entity   string
	Lang     string // from the path (RSS) or Accept-Language (API)
	Page     string // API only
	Header   http.Header
	Status   int // what the fake answered
}

// Server is the fake. Its methods are safe for concurrent use.
type Server struct {
	ts   *httptest.Server
	stop chan struct{} // closed by Close: hanging answers end

	mu        sync.Mutex
	news      map[feedKey][]News // newest first
	version   map[feedKey]int    // bumped by every change, for validators
	faults    map[faultKey]Fault
	tickets   map[string]bool
	requests  []Request
	inflight  map[string]int
	maxFlight map[string]int
	total     int // requests in flight, on every path
	maxTotal  int
	delay     time.Duration
}

type feedKey struct{ entity, lang string }

type faultKey struct{ endpoint, entity string }

// New starts a fake gov.kz with no news.
func New() *Server {
	s := &Server{
		stop:      make(chan struct{}),
		news:      map[feedKey][]News{},
		version:   map[feedKey]int{},
		faults:    map[faultKey]Fault{},
		tickets:   map[string]bool{},
		inflight:  map[string]int{},
		maxFlight: map[string]int{},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/public/rss/{entity}/news/{lang}", s.rss)
	mux.HandleFunc("GET /api/v1/public/content-manager/news", s.list)
	mux.HandleFunc("POST /api/v1/public/_/c/k6", s.handshake)
	s.ts = httptest.NewServer(mux)
	return s
}

// URL is the base URL, to use as GOVKZ_BASE_URL.
func (s *Server) URL() string { return s.ts.URL }

// Close ends hanging answers and stops the server.
func (s *Server) Close() {
	close(s.stop)
	s.ts.Close()
}

// SetNews sets an entity's news in one language, newest first. Its feed
// changes: new validators, a later Last-Modified.
func (s *Server) SetNews(entity, lang string, news ...News) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := feedKey{entity, lang}
	s.news[k] = slices.Clone(news)
	s.version[k]++
}

// SetDelay makes every answer wait d first, so that overlapping requests
// overlap for sure.
func (s *Server) SetDelay(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delay = d
}

// ExpireTickets forgets every ticket: the list API refuses them until the
// client shakes hands again.
func (s *Server) ExpireTickets() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.tickets)
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// MaxInFlight is the most requests that were in flight at once for one
// entity and language (API requests count under the Accept-Language).
func (s *Server) MaxInFlight(entity, lang string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxFlight[entity+"/"+lang]
}

// MaxInFlightTotal is the most requests that were in flight at once, on
// every path together: what the host as a whole had to serve.
func (s *Server) MaxInFlightTotal() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxTotal
}

// begin records a request and counts it in flight until end is called.
func (s *Server) begin(r Request) (end func(status int), delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := len(s.requests)
	s.requests = append(s.requests, r)
	key := r.Entity + "/" + r.Lang
	s.inflight[key]++
	s.maxFlight[key] = max(s.maxFlight[key], s.inflight[key])
	s.total++
	s.maxTotal = max(s.maxTotal, s.total)
	return func(status int) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.inflight[key]--
		s.total--
		s.requests[i].Status = status
	}, s.delay
}

func (s *Server) handshake(w http.ResponseWriter, r *http.Request) {
	end, _ := s.begin(Request{Endpoint: "ticket", Header: r.Header.Clone()})
	if r.Header.Get("Content-Type") != "application/json" || r.Header.Get("Origin") != "https://www.gov.kz" {
		http.Error(w, `{"message":"forbidden"}`, http.StatusForbidden)
		end(http.StatusForbidden)
		return
	}
	b := make([]byte, 8)
	rand.Read(b)
	t := hex.EncodeToString(b)
	s.mu.Lock()
	s.tickets[t] = true
	s.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "k6", Value: t, Path: "/", HttpOnly: true})
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{}`))
	end(http.StatusOK)
}

func (s *Server) ticketValid(r *http.Request) bool {
	c, err := r.Cookie("k6")
	if err != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tickets[c.Value]
}
