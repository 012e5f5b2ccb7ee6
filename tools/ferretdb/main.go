// Command ferretdb runs an embedded FerretDB v1 for local tests.
//
// It serves the MongoDB wire protocol on a loopback TCP address, storing data
// in SQLite files (or in PostgreSQL), and prints one line
//
//	READY mongodb://127.0.0.1:PORT/
//
// on stdout once the listener accepts connections; everything else goes to stderr.
// With -listen 127.0.0.1:0 the kernel picks a free port, so callers never race
// each other for one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "loopback TCP address to listen on; port 0 picks a free port")
	sqliteDir := flag.String("sqlite-dir", "", "directory for SQLite data files (created if missing)")
	postgresURL := flag.String("postgresql-url", "", "PostgreSQL URL; use instead of -sqlite-dir")
	logLevel := flag.String("log-level", "warn", "stderr log level: debug, info, warn or error")
	flag.Parse()

	if err := run(*listen, *sqliteDir, *postgresURL, *logLevel); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}

func run(listen, sqliteDir, postgresURL, logLevel string) error {
	if err := checkLoopback(listen); err != nil {
		return err
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("-log-level %q is not a level; use debug, info, warn or error", logLevel)
	}

	config := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: listen},
		Logger:   slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})),
	}

	switch {
	case sqliteDir != "" && postgresURL != "":
		return errors.New("-sqlite-dir and -postgresql-url are exclusive; pass one of them")
	case postgresURL != "":
		config.Handler = "postgresql"
		config.PostgreSQLURL = postgresURL
	case sqliteDir != "":
		sqliteURL, err := sqliteDirURL(sqliteDir)
		if err != nil {
			return err
		}
		config.Handler = "sqlite"
		config.SQLiteURL = sqliteURL
	default:
		return errors.New("no backend: pass -sqlite-dir DIR or -postgresql-url URL")
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	// New already binds the listener, so the URI (with the real port) is known
	// before Run; clients connecting in between wait in the accept backlog.
	f, err := ferretdb.New(config)
	if err != nil {
		return err
	}

	fmt.Printf("READY %s\n", f.MongoDBURI())

	return f.Run(ctx)
}

// checkLoopback refuses non-loopback addresses: this binary has no auth and is for tests only.
func checkLoopback(listen string) error {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return fmt.Errorf("-listen %q is not host:port: %w", listen, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-listen %q is not a loopback address; use 127.0.0.1:PORT", listen)
	}
	return nil
}

// sqliteDirURL turns a directory into the "file:/abs/dir/" URI the SQLite backend expects
// (absolute, ending with a slash, pointing at an existing directory).
func sqliteDirURL(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("-sqlite-dir %q: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", fmt.Errorf("-sqlite-dir %q cannot be created: %w", dir, err)
	}
	u := url.URL{Scheme: "file", Path: abs + "/", OmitHost: true}
	return u.String(), nil
}
