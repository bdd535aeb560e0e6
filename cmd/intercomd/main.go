// Command intercomd turns a Linux board with a camera, microphone, speaker and
// buttons into a video door intercom. See README.md and `intercomd help`.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// One place turns signals into cancellation; cancellation is not an error.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := runCLI(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "intercomd:", err)
		os.Exit(1)
	}
}
