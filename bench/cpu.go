package bench

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cpuTimes is CPU time used so far by this process and by the PostgreSQL
// server's processes, to tell where a scenario's time goes.
type cpuTimes struct {
	self     time.Duration
	postgres time.Duration
	pgSeen   bool // false when no PostgreSQL process is visible (a remote server)
}

func readCPU() cpuTimes {
	var c cpuTimes
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		c.self = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	c.postgres, c.pgSeen = postgresCPU()
	return c
}

func (c cpuTimes) since(before cpuTimes) cpuTimes {
	return cpuTimes{self: c.self - before.self, postgres: c.postgres - before.postgres, pgSeen: c.pgSeen && before.pgSeen}
}

// clockTick is the kernel's USER_HZ, the unit of /proc/PID/stat times: 100
// on every Linux architecture Go supports.
const clockTick = 10 * time.Millisecond

// postgresCPU sums user and system time of the processes named postgres
// (the server and its backends) on this machine, and of their children that
// exited (backends of connections the pool closed meanwhile, whose time the
// server process collects).
func postgresCPU() (time.Duration, bool) {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	var total time.Duration
	seen := false
	for _, p := range stats {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s := string(b)
		open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || end < open || s[open+1:end] != "postgres" {
			continue
		}
		f := strings.Fields(s[end+1:])
		if len(f) < 15 {
			continue
		}
		// Fields after the name: state is f[0]; utime, stime, cutime and
		// cstime are the 14th to 17th fields of the line, f[11] to f[14].
		for _, v := range f[11:15] {
			n, _ := strconv.ParseInt(v, 10, 64)
			total += time.Duration(n) * clockTick
		}
		seen = true
	}
	return total, seen
}
