package main

import (
	"context"
	"fmt"
	"net"

	"github.com/spf13/pflag"
	utilerrors "k8s.io/apimachinery/pkg/util/errors"
	"k8s.io/client-go/rest"
	basecompatibility "k8s.io/component-base/compatibility"
	"k8s.io/component-base/featuregate"
	logsapi "k8s.io/component-base/logs/api/v1"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
	"k8s.io/kubernetes/cmd/kube-apiserver/app/options"
)

// serviceAccountIssuer is the `iss` of ServiceAccount tokens, the in-cluster name
// a real cluster would also use.
const serviceAccountIssuer = "https://kubernetes.default.svc.cluster.local"

// apiserverArgs are kube-apiserver flags for tests, envtest style: RBAC on, the
// admin identity a client certificate in system:masters, ServiceAccount tokens
// signed by our key, and no admission plugin that needs a controller-manager.
func apiserverArgs(certs pki) []string {
	return []string{
		"--bind-address=127.0.0.1",
		"--advertise-address=127.0.0.1",
		"--tls-cert-file=" + certs.servingCert(),
		"--tls-private-key-file=" + certs.servingKey(),
		"--client-ca-file=" + certs.caCert(),
		"--authorization-mode=RBAC",
		"--service-account-issuer=" + serviceAccountIssuer,
		"--service-account-key-file=" + certs.serviceAccountKey(),
		"--service-account-signing-key-file=" + certs.serviceAccountKey(),
		"--service-cluster-ip-range=10.0.0.0/24",
		"--allow-privileged=true",
		// The ServiceAccount plugin rejects pods until the "default" ServiceAccount of
		// their namespace exists, which only the (absent) controller-manager creates.
		"--disable-admission-plugins=ServiceAccount",
		// Endpoints may not hold loopback addresses, so the "kubernetes" Service gets
		// none instead of an error logged every ten seconds.
		"--endpoint-reconciler-type=none",
	}
}

// parseAPIServerFlags reads kube-apiserver flags (a flag given twice takes its
// last value), before etcd starts, so a bad flag fails fast.
func parseAPIServerFlags(args []string) (*options.ServerRunOptions, error) {
	s := options.NewServerRunOptions()
	flags := pflag.NewFlagSet("kube-apiserver", pflag.ContinueOnError)
	for _, set := range s.Flags().FlagSets {
		flags.AddFlagSet(set)
	}
	if err := flags.Parse(args); err != nil {
		return nil, fmt.Errorf("kube-apiserver flags: %w", err)
	}
	return s, nil
}

// runAPIServer serves kube-apiserver with etcd at etcdURL on listener (a port
// already bound, so no other process can take it between choosing and serving)
// until ctx is done. The returned channel yields the server's error, or nil after
// a clean stop.
func runAPIServer(ctx context.Context, s *options.ServerRunOptions, etcdURL string, listener net.Listener) (<-chan error, error) {
	s.Etcd.StorageConfig.Transport.ServerList = []string{etcdURL}
	s.SecureServing.Listener = listener
	s.SecureServing.BindPort = listener.Addr().(*net.TCPAddr).Port

	// What NewAPIServerCommand does before Run, minus its own flag parsing and its
	// signal handler (ours stops etcd too).
	if err := s.GenericServerRunOptions.ComponentGlobalsRegistry.Set(); err != nil {
		return nil, err
	}
	rest.SetDefaultWarningHandler(rest.NoWarnings{})
	featureGate := s.GenericServerRunOptions.ComponentGlobalsRegistry.FeatureGateFor(basecompatibility.DefaultKubeComponent)
	if err := logsapi.ValidateAndApply(s.Logs, featureGate); err != nil {
		return nil, err
	}
	completed, err := s.Complete(ctx)
	if err != nil {
		return nil, err
	}
	if errs := completed.Validate(); len(errs) != 0 {
		return nil, utilerrors.NewAggregate(errs)
	}
	featureGate.(featuregate.MutableFeatureGate).AddMetrics()
	s.GenericServerRunOptions.ComponentGlobalsRegistry.AddMetrics()

	done := make(chan error, 1)
	go func() { done <- app.Run(ctx, completed) }()
	return done, nil
}
