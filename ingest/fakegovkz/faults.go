package fakegovkz

import (
	"bytes"
	"net/http"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Fault is a broken answer the fake gives on demand.
type Fault int

const (
	OK            Fault = iota
	Status500           // 500 Internal Server Error
	HTMLPage            // 200 with an HTML page instead of the feed or JSON
	Truncated           // 200 with the answer cut in half
	WrongEncoding       // windows-1251 bytes labelled UTF-8
	Oversized           // 200 with an answer of more than 6 MiB
	Hang                // no answer until the client gives up
)

// SetFault makes an endpoint ("rss", "api", or "" for both) of an entity
// answer with f, in every language; OK repairs it.
func (s *Server) SetFault(endpoint, entity string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range []string{"rss", "api"} {
		if endpoint == "" || endpoint == e {
			s.faults[faultKey{e, entity}] = f
		}
	}
}

func (s *Server) faultFor(endpoint, entity string) Fault {
	return s.faults[faultKey{endpoint, entity}]
}

// fail answers with the fault; good is the answer it spoils.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, f Fault, good []byte, ctype string) int {
	switch f {
	case Status500:
		http.Error(w, "Internal Server Error", http.StatusInternalServerError)
		return http.StatusInternalServerError
	case HTMLPage:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<!DOCTYPE html>\n<html><head><title>gov.kz</title></head><body><h1>Технические работы</h1></body></html>\n"))
		return http.StatusOK
	case Hang:
		select {
		case <-r.Context().Done():
		case <-s.stop:
		}
		return 0
	}
	w.Header().Set("Content-Type", ctype)
	switch f {
	case Truncated:
		w.Write(good[:len(good)/2])
	case WrongEncoding:
		cp1251, _ := encoding.ReplaceUnsupported(charmap.Windows1251.NewEncoder()).Bytes(good)
		w.Write(cp1251)
	case Oversized:
		w.Write(good)
		w.Write(bytes.Repeat([]byte(" "), 6<<20))
	}
	return http.StatusOK
}
