package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// pgCluster is a throw-away PostgreSQL server of the test's own, which the
// test may stop and start under a running newsbot without disturbing the
// shared test server.
type pgCluster struct {
	t    *testing.T
	bin  string // the server binaries' directory
	dir  string
	port int
}

// startCluster initialises and starts a private cluster on a free port.
func startCluster(t *testing.T) *pgCluster {
	t.Helper()
	bin := pgBinaries(t)
	dir, err := os.MkdirTemp("", "newsbot-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	c := &pgCluster{t: t, bin: bin, dir: dir, port: freePort(t)}
	if os.Geteuid() == 0 { // initdb refuses root; the postgres user owns the cluster
		u, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("running as root, the fault test needs the postgres user to own its cluster: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	c.run("initdb", "-D", c.data(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
	t.Cleanup(func() { c.ctl("-m", "immediate", "stop") })
	c.Start()
	return c
}

// pgBinaries finds the newest /usr/lib/postgresql/*/bin holding initdb and
// pg_ctl, or fails saying what to install.
func pgBinaries(t *testing.T) string {
	t.Helper()
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { return versionOf(a) - versionOf(b) })
	for i := len(dirs) - 1; i >= 0; i-- {
		_, e1 := os.Stat(filepath.Join(dirs[i], "initdb"))
		_, e2 := os.Stat(filepath.Join(dirs[i], "pg_ctl"))
		if e1 == nil && e2 == nil {
			return dirs[i]
		}
	}
	t.Fatal("this fault test starts a PostgreSQL server of its own and needs initdb and pg_ctl " +
		"under /usr/lib/postgresql/*/bin: install the server (apt-get install postgresql)")
	return ""
}

func versionOf(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func (c *pgCluster) data() string { return filepath.Join(c.dir, "data") }

// URL is the URL of database name on the cluster.
func (c *pgCluster) URL(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, name)
}

// Start starts the server and waits until it accepts connections.
func (c *pgCluster) Start() {
	c.t.Helper()
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off", c.port, c.dir)
	if out, err := c.ctl("-l", filepath.Join(c.dir, "log"), "-w", "-t", "120", "-o", opts, "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.dir, "log"))
		c.t.Fatalf("pg_ctl start: %v\n%s\n%s", err, out, log)
	}
}

// Stop stops the server the way an operator restarting it does: fast
// shutdown, every session ended.
func (c *pgCluster) Stop() {
	c.t.Helper()
	if out, err := c.ctl("-m", "fast", "-w", "-t", "120", "stop"); err != nil {
		c.t.Fatalf("pg_ctl stop: %v\n%s", err, out)
	}
}

func (c *pgCluster) ctl(args ...string) (string, error) {
	return c.exec("pg_ctl", append([]string{"-D", c.data()}, args...)...)
}

func (c *pgCluster) run(prog string, args ...string) {
	c.t.Helper()
	if out, err := c.exec(prog, args...); err != nil {
		c.t.Fatalf("%s: %v\n%s", prog, err, out)
	}
}

// exec runs a server binary, as the postgres user when we are root.
func (c *pgCluster) exec(prog string, args ...string) (string, error) {
	path := filepath.Join(c.bin, prog)
	cmd := exec.Command(path, args...)
	if os.Geteuid() == 0 {
		cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", path}, args...)...)
	}
	out, err := cmd.CombinedOutput()
	return strings.TrimSpace(string(out)), err
}
