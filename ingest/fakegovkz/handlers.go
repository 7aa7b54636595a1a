package fakegovkz

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// epoch dates the feeds: version n of a feed was last modified n hours
// after it, so that every change moves Last-Modified by whole seconds.
var epoch = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func (s *Server) rss(w http.ResponseWriter, r *http.Request) {
	entity, lang := r.PathValue("entity"), r.PathValue("lang")
	end, delay := s.begin(Request{Endpoint: "rss", Entity: entity, Lang: lang, Header: r.Header.Clone()})
	end(s.serveRSS(w, r, entity, lang, delay))
}

func (s *Server) serveRSS(w http.ResponseWriter, r *http.Request, entity, lang string, delay time.Duration) int {
	if !s.wait(r, delay) {
		return 0
	}
	s.mu.Lock()
	k := feedKey{entity, lang}
	news, version, fault := s.news[k], s.version[k], s.faultFor("rss", entity)
	s.mu.Unlock()
	body := renderRSS(entity, lang, news)
	const ctype = "application/rss+xml; charset=utf-8"
	if fault != OK {
		return s.fail(w, r, fault, body, ctype)
	}
	etag := fmt.Sprintf(`"%s-%s-%d"`, entity, lang, version)
	modified := epoch.Add(time.Duration(version) * time.Hour)
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", modified.Format(http.TimeFormat))
	if notModified(r, etag, modified) {
		w.WriteHeader(http.StatusNotModified)
		return http.StatusNotModified
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(body)
	return http.StatusOK
}

// notModified applies If-None-Match, else If-Modified-Since (RFC 9110).
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		return inm == etag
	}
	since, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !modified.After(since)
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	entity, _ := strings.CutPrefix(q.Get("projects"), "eq:")
	lang := r.Header.Get("Accept-Language")
	end, delay := s.begin(Request{Endpoint: "api", Entity: entity, Lang: lang, Page: q.Get("page"), Header: r.Header.Clone()})
	end(s.serveList(w, r, entity, lang, delay))
}

func (s *Server) serveList(w http.ResponseWriter, r *http.Request, entity, lang string, delay time.Duration) int {
	if !s.wait(r, delay) {
		return 0
	}
	const ctype = "application/json;charset=UTF-8"
	if !s.ticketValid(r) {
		w.Header().Set("Content-Type", ctype)
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"status":400,"error":"Bad Request","message":"notAllowed"}`))
		return http.StatusBadRequest
	}
	page, err1 := strconv.Atoi(r.URL.Query().Get("page"))
	size, err2 := strconv.Atoi(r.URL.Query().Get("size"))
	if err1 != nil || err2 != nil || page < 1 || size < 1 {
		http.Error(w, `{"message":"bad paging"}`, http.StatusBadRequest)
		return http.StatusBadRequest
	}
	s.mu.Lock()
	news, fault := s.news[feedKey{entity, lang}], s.faultFor("api", entity)
	s.mu.Unlock()
	from, to := min((page-1)*size, len(news)), min(page*size, len(news))
	body := renderJSON(entity, news[from:to])
	if fault != OK {
		return s.fail(w, r, fault, body, ctype)
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(body)
	return http.StatusOK
}

// wait holds the answer for the configured delay; false when the client
// left or the server is closing meanwhile.
func (s *Server) wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	select {
	case <-time.After(d):
		return true
	case <-r.Context().Done():
	case <-s.stop:
	}
	return false
}
