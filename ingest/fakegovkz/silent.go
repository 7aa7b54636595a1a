package fakegovkz

import (
	"net"
	"sync"
)

// Silent is a gov.kz that accepts connections and never answers, as a host
// behind a broken load balancer or a firewall that drops replies does.
type Silent struct {
	ln       net.Listener
	mu       sync.Mutex
	conns    []net.Conn
	accepted int
	done     chan struct{}
}

// NewSilent starts a silent host on a free local port.
func NewSilent() (*Silent, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Silent{ln: ln, done: make(chan struct{})}
	go s.accept()
	return s, nil
}

func (s *Silent) accept() {
	defer close(s.done)
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.mu.Lock()
		s.conns = append(s.conns, c) // held open, never read from or written to
		s.accepted++
		s.mu.Unlock()
	}
}

// URL is the base URL, to use as GOVKZ_BASE_URL.
func (s *Silent) URL() string { return "http://" + s.ln.Addr().String() }

// Accepted is how many connections it has accepted so far.
func (s *Silent) Accepted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted
}

// Close stops listening and drops the connections it holds.
func (s *Silent) Close() {
	s.ln.Close()
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.conns {
		c.Close()
	}
}
