package bench

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/newsbot-kz/newsbot/digest"
	"github.com/newsbot-kz/newsbot/store"
)

// telegramPerSecond is Telegram's broadcast limit for a bot that does not
// pay for more: about 30 messages a second.
const telegramPerSecond = 30

// DigestResult is the time to build every digest against the time Telegram
// needs to accept what was built, with the memory the build used.
type DigestResult struct {
	Pass digest.PassStats
	CPU  cpuTimes // used during the pass
	// Go heap in use and resident set size, before the pass and at its
	// peak; RSSPeakOK is false when the peak could not be reset first, so
	// RSSPeak is the peak of the whole run.
	HeapBefore, HeapPeak uint64
	RSSBefore, RSSPeak   uint64
	RSSPeakOK            bool
}

// SendTime is how long Telegram's 30 messages a second take to carry the
// parts built.
func (r DigestResult) SendTime() time.Duration {
	return time.Duration(float64(r.Pass.Parts) / telegramPerSecond * float64(time.Second))
}

// Ratio is the build time as a share of SendTime.
func (r DigestResult) Ratio() float64 {
	if r.SendTime() == 0 {
		return 0
	}
	return float64(r.Pass.Duration) / float64(r.SendTime())
}

// measureDigest runs one digest pass at now, when every chat is due, as the
// scheduler does, sampling memory meanwhile and, when profile is set,
// writing a CPU profile of the pass there.
func measureDigest(ctx context.Context, st *store.Store, now time.Time, profile string) (DigestResult, error) {
	var res DigestResult
	quiet := slog.New(slog.DiscardHandler)
	b := digest.NewBuilder(st, digest.BuildOptions{Logger: quiet})
	runtime.GC()
	debug.FreeOSMemory()
	res.HeapBefore = heapInUse()
	res.RSSBefore, _ = procStatus("VmRSS")
	res.RSSPeakOK = resetRSSPeak()
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return res, fmt.Errorf("bench: cpu profile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return res, fmt.Errorf("bench: cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	heap := startHeapSampler(5 * time.Millisecond)
	before := readCPU()
	pass, err := b.RunPass(ctx, now)
	res.CPU = readCPU().since(before)
	res.HeapPeak = heap.Stop()
	res.RSSPeak, _ = procStatus("VmHWM")
	res.Pass = pass
	if err != nil {
		return res, err
	}
	if pass.Failed > 0 {
		return res, fmt.Errorf("bench: %d of %d digests failed to build", pass.Failed, pass.Due)
	}
	return res, nil
}
