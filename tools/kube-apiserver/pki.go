package main

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// pki names the files ensurePKI generates. One CA signs both the
// serving certificate and the admin client certificate, so a kubeconfig needs to
// trust (and present) nothing else.
type pki struct {
	dir string
}

func (p pki) caCert() string            { return filepath.Join(p.dir, "ca.crt") }
func (p pki) caKey() string             { return filepath.Join(p.dir, "ca.key") }
func (p pki) servingCert() string       { return filepath.Join(p.dir, "apiserver.crt") }
func (p pki) servingKey() string        { return filepath.Join(p.dir, "apiserver.key") }
func (p pki) adminCert() string         { return filepath.Join(p.dir, "admin.crt") }
func (p pki) adminKey() string          { return filepath.Join(p.dir, "admin.key") }
func (p pki) serviceAccountKey() string { return filepath.Join(p.dir, "sa.key") }

func (p pki) files() []string {
	return []string{p.caCert(), p.caKey(), p.servingCert(), p.servingKey(), p.adminCert(), p.adminKey(), p.serviceAccountKey()}
}

// adminGroup bypasses RBAC (the bootstrap cluster-admin group), like envtest's admin user.
const adminGroup = "system:masters"

// serviceIP is the first address of --service-cluster-ip-range, the "kubernetes" Service's IP.
var serviceIP = net.ParseIP("10.0.0.1")

// ensurePKI keeps an existing, complete set of files, so kubeconfigs and tokens
// handed out before a restart stay valid; otherwise it generates all of them into
// a temporary directory and renames it into place (never half a set).
func ensurePKI(dir string) (pki, error) {
	p := pki{dir: dir}
	if allExist(p.files()) {
		return p, nil
	}
	tmp := dir + fmt.Sprintf(".tmp-%d", os.Getpid())
	if err := os.RemoveAll(tmp); err != nil {
		return p, err
	}
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		return p, err
	}
	defer os.RemoveAll(tmp)
	if err := generatePKI(pki{dir: tmp}); err != nil {
		return p, fmt.Errorf("generating certificates in %s: %w", tmp, err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return p, err
	}
	return p, os.Rename(tmp, dir)
}

func generatePKI(p pki) error {
	now := time.Now().Add(-time.Hour) // tolerate clock skew between processes
	caKey, err := newKey()
	if err != nil {
		return err
	}
	caTemplate := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "base-shift-testenv-ca"},
		NotBefore:             now,
		NotAfter:              now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTemplate, caTemplate, caKey.Public(), caKey)
	if err != nil {
		return err
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		return err
	}
	if err := writeCertAndKey(p.caCert(), p.caKey(), caDER, caKey); err != nil {
		return err
	}

	serving := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "kube-apiserver"},
		NotBefore:    now,
		NotAfter:     ca.NotAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback, serviceIP},
		DNSNames: []string{
			"localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
			"kubernetes.default.svc.cluster.local",
		},
	}
	if err := signLeaf(p.servingCert(), p.servingKey(), serving, ca, caKey); err != nil {
		return err
	}

	admin := &x509.Certificate{
		SerialNumber: big.NewInt(3),
		Subject:      pkix.Name{CommonName: "testenv-admin", Organization: []string{adminGroup}},
		NotBefore:    now,
		NotAfter:     ca.NotAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	if err := signLeaf(p.adminCert(), p.adminKey(), admin, ca, caKey); err != nil {
		return err
	}

	// Signs and verifies ServiceAccount tokens (TokenRequest); the apiserver derives
	// the public key from the private one.
	saKey, err := newKey()
	if err != nil {
		return err
	}
	return writeKey(p.serviceAccountKey(), saKey)
}

func signLeaf(certFile, keyFile string, template, ca *x509.Certificate, caKey crypto.Signer) error {
	key, err := newKey()
	if err != nil {
		return err
	}
	der, err := x509.CreateCertificate(rand.Reader, template, ca, key.Public(), caKey)
	if err != nil {
		return err
	}
	return writeCertAndKey(certFile, keyFile, der, key)
}

func newKey() (*ecdsa.PrivateKey, error) {
	return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
}

func writeCertAndKey(certFile, keyFile string, der []byte, key *ecdsa.PrivateKey) error {
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		return err
	}
	return writeKey(keyFile, key)
}

func writeKey(file string, key *ecdsa.PrivateKey) error {
	der, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return err
	}
	return os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: der}), 0o600)
}

func allExist(files []string) bool {
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			return false
		}
	}
	return true
}
