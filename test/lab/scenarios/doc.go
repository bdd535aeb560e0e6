// Package scenarios holds the hardware lab's own self-tests: probes that run
// inside the lab VM (test/lab/run.sh) against the kernel's virtual devices —
// a gpio-sim chip, vivid, vicodec and snd-aloop — in pure Go, so that a lab
// failure can be told apart from a failure of intercomd's device code. Outside
// the lab every test here skips.
//
// The camera and encoder probes stand in until package device has its own
// V4L2 capture and M2M encoder code; the lab will then run that code's tests
// the way it runs the gpio package's TestRealChip.
package scenarios
