package main

import (
	"os"
	"path/filepath"

	"k8s.io/component-base/cli"
	"k8s.io/component-base/logs"
	"k8s.io/kubectl/pkg/cmd"
	"k8s.io/kubectl/pkg/cmd/util"

	// The client auth plugins (OIDC) a release kubectl has, for a KUBECONFIG of one's own.
	_ "k8s.io/client-go/plugin/pkg/client/auth"
)

// kubectlArgs returns kubectl's arguments when this binary is asked to be kubectl
// (called through a link named kubectl, or with "kubectl" as its first argument),
// so tests get a kubectl of the server's version from the same build.
func kubectlArgs(args []string) ([]string, bool) {
	if len(args) > 0 && filepath.Base(args[0]) == "kubectl" {
		return args[1:], true
	}
	if len(args) > 1 && args[1] == "kubectl" {
		return args[2:], true
	}
	return nil, false
}

// runKubectl is k8s.io/kubernetes/cmd/kubectl's main: kubectl and its plugin
// lookup read os.Args, so they see "kubectl ARGS..." as a release kubectl would.
func runKubectl(args []string) {
	os.Args = append([]string{"kubectl"}, args...)
	// Sets klog's verbosity before the command is built, as kubectl's main does.
	logs.GlogSetter(cmd.GetLogVerbosity(os.Args)) //nolint:errcheck
	if err := cli.RunNoErrOutput(cmd.NewDefaultKubectlCommand()); err != nil {
		util.CheckErr(err) // prints the error as kubectl does and exits non-zero
	}
}
