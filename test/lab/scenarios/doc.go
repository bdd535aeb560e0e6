// Package scenarios holds the hardware lab's own self-test: a probe of the
// lab's gpio-sim chip through periph that runs inside the lab VM
// (test/lab/run.sh), so that a lab failure can be told apart from a failure
// of intercomd's gpio code. Outside the lab it skips.
package scenarios
