package bench

import (
	"bufio"
	"context"
	"database/sql"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// Machine is what the figures were measured on.
type Machine struct {
	CPU           string
	Cores         int
	MemoryBytes   uint64
	PostgreSQL    string // version
	SharedBuffers string
	Go            string
}

func readMachine(ctx context.Context, db *sql.DB) Machine {
	m := Machine{CPU: "unknown", Cores: runtime.NumCPU(), Go: runtime.Version()}
	if v, ok := procField("/proc/cpuinfo", "model name"); ok {
		m.CPU = v
	}
	if v, ok := procField("/proc/meminfo", "MemTotal"); ok {
		kb, _ := strconv.ParseUint(strings.TrimSuffix(v, " kB"), 10, 64)
		m.MemoryBytes = kb * 1024
	}
	db.QueryRowContext(ctx, `SELECT current_setting('server_version'), current_setting('shared_buffers')`).
		Scan(&m.PostgreSQL, &m.SharedBuffers)
	return m
}

// procField is the first value of a "name : value" line of a /proc file.
func procField(path, name string) (string, bool) {
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == name {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}
