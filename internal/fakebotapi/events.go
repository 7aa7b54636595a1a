package fakebotapi

// EventKind says what an Event reports.
type EventKind int

// The kinds of Event.
const (
	EventSent     EventKind = iota + 1 // the bot sent Message
	EventEdited                        // the bot edited Message (text or keyboard)
	EventDeleted                       // the bot deleted Message
	EventAnswered                      // the bot answered a callback query: Answer
	EventAction                        // the bot sent a chat action: Action
)

// Event is something the bot did, reported to the WithEvents function; a
// console front end prints them.
type Event struct {
	Kind    EventKind
	ChatID  int64
	Message Message        // EventSent, EventEdited, EventDeleted
	Answer  CallbackAnswer // EventAnswered
	Action  string         // EventAction, e.g. "typing"
}

// eventLocked queues e for the WithEvents function; the caller holds s.mu.
func (s *Server) eventLocked(e Event) {
	if s.cfg.onEvent == nil {
		return
	}
	s.pending = append(s.pending, e)
	s.changedLocked()
}

// dispatchEvents hands queued events to the WithEvents function one at a time,
// outside the lock, until the server closes.
func (s *Server) dispatchEvents() {
	defer s.workers.Done()
	for {
		s.mu.Lock()
		batch, changed := s.pending, s.changed
		s.pending = nil
		s.mu.Unlock()
		for _, e := range batch {
			s.cfg.onEvent(e)
		}
		if len(batch) > 0 {
			continue
		}
		select {
		case <-changed:
		case <-s.closed:
			return
		}
	}
}
