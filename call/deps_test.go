package call_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCallDependsOnNothingOutside keeps the call engine free of the packages
// that implement its interfaces: MQTT, WebRTC, GPIO and media code all depend
// on call, never the other way round.
func TestCallDependsOnNothingOutside(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/intercomd/intercomd/call").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	forbidden := []string{
		"github.com/eclipse/paho", "github.com/mochi-mqtt", "github.com/pion/", "periph.io/",
		"github.com/intercomd/intercomd/mqttsignal", "github.com/intercomd/intercomd/webrtcpeer",
		"github.com/intercomd/intercomd/device", "github.com/intercomd/intercomd/gpio",
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, f := range forbidden {
			if strings.HasPrefix(dep, f) {
				t.Errorf("package call depends on %s; it must only declare the interfaces it needs", dep)
			}
		}
	}
}
