//go:build !cgo

package device

import (
	"strings"
	"testing"
)

func TestNewSyntheticWithoutCgoSaysHowToFix(t *testing.T) {
	s, err := NewSynthetic(SyntheticConfig{})
	if err == nil || s != nil {
		t.Fatal("NewSynthetic succeeded in a build without cgo")
	}
	if !strings.Contains(err.Error(), "CGO_ENABLED=1") {
		t.Fatalf("error %q does not say how to get the encoders", err)
	}
}
