package bench

import (
	"bufio"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"
)

// heapMetric is the Go heap in use: live objects and those not yet swept.
const heapMetric = "/memory/classes/heap/objects:bytes"

// heapSampler follows the peak of the Go heap in use by reading it every
// few milliseconds: the runtime keeps no peak of its own.
type heapSampler struct {
	stop chan struct{}
	wg   sync.WaitGroup
	peak uint64
}

func startHeapSampler(every time.Duration) *heapSampler {
	h := &heapSampler{stop: make(chan struct{}), peak: heapInUse()}
	h.wg.Go(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-h.stop:
				return
			case <-t.C:
				h.peak = max(h.peak, heapInUse())
			}
		}
	})
	return h
}

// Stop ends sampling and returns the peak seen.
func (h *heapSampler) Stop() uint64 {
	close(h.stop)
	h.wg.Wait()
	return max(h.peak, heapInUse())
}

func heapInUse() uint64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// resetRSSPeak resets the kernel's peak resident set size of this process
// (VmHWM), so that the peak read later is the peak of what ran since.
func resetRSSPeak() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// procStatus reads a size field of /proc/self/status ("VmRSS", "VmHWM") in
// bytes; false when it cannot be read (not Linux).
func procStatus(field string) (uint64, bool) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, val, ok := strings.Cut(sc.Text(), ":")
		if !ok || name != field {
			continue
		}
		kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(val), " kB"), 10, 64)
		return kb * 1024, err == nil
	}
	return 0, false
}
