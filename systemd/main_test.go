package systemd

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests when one leaves a goroutine behind: the
// Watchdog must be gone once Run has returned.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}
