// Package scenarios holds the hardware lab's tests that belong to no other
// package, run inside the lab VM (test/lab/run.sh) and skipped outside it:
// the lab's own probe of its gpio-sim chip through periph, so that a lab
// failure can be told apart from a failure of intercomd's gpio code; the
// netem scenario, a call between two stations in two network namespaces
// whose media crosses a link that tc netem degrades; and alsa_call, a tone
// carried by a call from one station's ALSA microphone to the other's ALSA
// speaker through snd-aloop.
package scenarios
