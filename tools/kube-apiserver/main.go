// Command kube-apiserver runs a real Kubernetes API server for tests, envtest
// style: kube-apiserver v1.34 and an embedded single-member etcd in one process,
// with no kubelet, scheduler or controller-manager.
//
//	kube-apiserver -dir DIR [-- EXTRA_KUBE_APISERVER_FLAGS...]
//	kube-apiserver kubectl KUBECTL_ARGS...   (or through a link named kubectl)
//
// The second form is kubectl of the same version (kubectl.go): one build gives
// tests both, with no kubectl needed on the machine.
//
// DIR keeps the certificates (pki/, generated on first use and then reused),
// etcd's data (etcd/) and an admin kubeconfig (kubeconfig). The API server
// listens on a free 127.0.0.1 port; once /readyz answers ok it prints one line
//
//	READY https://127.0.0.1:PORT /abs/DIR/kubeconfig
//
// on stdout; logs go to stderr. SIGTERM or SIGINT stops both servers. Flags
// after "--" are added to (and override) the kube-apiserver flags of
// apiserverArgs; --etcd-servers is always the embedded etcd.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	if args, ok := kubectlArgs(os.Args); ok {
		runKubectl(args)
		return
	}
	dir := flag.String("dir", "", "directory for certificates, etcd data and the kubeconfig (created if missing)")
	readyTimeout := flag.Duration("ready-timeout", 3*time.Minute, "how long to wait for /readyz")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: kube-apiserver -dir DIR [-ready-timeout 3m] [-- KUBE_APISERVER_FLAGS...]")
		fmt.Fprintln(os.Stderr, "       kube-apiserver kubectl KUBECTL_ARGS...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *dir == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*dir, *readyTimeout, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "kube-apiserver:", err)
		os.Exit(1)
	}
}

func run(dir string, readyTimeout time.Duration, extraArgs []string) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("-dir %q cannot be created: %w", dir, err)
	}
	certs, err := ensurePKI(filepath.Join(dir, "pki"))
	if err != nil {
		return err
	}

	apiserverOptions, err := parseAPIServerFlags(append(apiserverArgs(certs), extraArgs...))
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	etcd, etcdURL, err := startEtcd(filepath.Join(dir, "etcd"))
	if err != nil {
		return err
	}
	// Runs after the API server has returned, so it never loses its storage mid-request.
	defer etcd.Close()

	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	serverURL := "https://" + listener.Addr().String()
	kubeconfig := filepath.Join(dir, "kubeconfig")
	if err := writeKubeconfig(kubeconfig, serverURL, certs); err != nil {
		return fmt.Errorf("writing %s: %w", kubeconfig, err)
	}

	serverCtx, stopServer := context.WithCancel(ctx)
	defer stopServer()
	served, err := runAPIServer(serverCtx, apiserverOptions, etcdURL, listener)
	if err != nil {
		return err
	}
	if err := waitReady(ctx, kubeconfig, served, readyTimeout); err != nil {
		if ctx.Err() != nil {
			return nil // stopped by a signal while starting
		}
		return err
	}
	fmt.Printf("READY %s %s\n", serverURL, kubeconfig)

	select {
	case err := <-served:
		if err == nil {
			err = errors.New("kube-apiserver stopped by itself")
		}
		return err
	case err := <-etcd.Err():
		stopServer()
		<-served
		return fmt.Errorf("etcd failed: %w", err)
	case <-ctx.Done():
		return <-served
	}
}
