package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

const contextName = "base-shift-testenv"

// writeKubeconfig writes an admin kubeconfig for serverURL with the certificates
// embedded, so the file works from any directory and on its own. The rename makes
// a reader see the old file or the new one, never a partial one.
func writeKubeconfig(file, serverURL string, certs pki) error {
	ca, err := os.ReadFile(certs.caCert())
	if err != nil {
		return err
	}
	cert, err := os.ReadFile(certs.adminCert())
	if err != nil {
		return err
	}
	key, err := os.ReadFile(certs.adminKey())
	if err != nil {
		return err
	}
	config := clientcmdapi.NewConfig()
	config.Clusters[contextName] = &clientcmdapi.Cluster{Server: serverURL, CertificateAuthorityData: ca}
	config.AuthInfos[contextName] = &clientcmdapi.AuthInfo{ClientCertificateData: cert, ClientKeyData: key}
	config.Contexts[contextName] = &clientcmdapi.Context{Cluster: contextName, AuthInfo: contextName, Namespace: "default"}
	config.CurrentContext = contextName
	data, err := clientcmd.Write(*config)
	if err != nil {
		return err
	}
	tmp := fmt.Sprintf("%s.tmp-%d", file, os.Getpid())
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

// waitReady polls /readyz as the admin until it answers ok: only then are the
// bootstrap RBAC roles, priority levels and system namespaces in place.
func waitReady(ctx context.Context, kubeconfig string, failed <-chan error, timeout time.Duration) error {
	config, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
	if err != nil {
		return err
	}
	config.Timeout = 5 * time.Second
	client, err := kubernetes.NewForConfig(config)
	if err != nil {
		return err
	}
	var last error
	err = wait.PollUntilContextTimeout(ctx, 200*time.Millisecond, timeout, true, func(ctx context.Context) (bool, error) {
		select {
		case err := <-failed:
			return false, fmt.Errorf("kube-apiserver stopped while starting: %v", err)
		default:
		}
		_, last = client.Discovery().RESTClient().Get().AbsPath("/readyz").DoRaw(ctx)
		return last == nil, nil
	})
	if err != nil && last != nil {
		return fmt.Errorf("%w (last /readyz: %v)", err, last)
	}
	return err
}
