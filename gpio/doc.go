// Package gpio is intercomd's door panel: push buttons that place, answer and
// end calls, LEDs that show the call status, and a door relay that opens the
// door for an authorized request during a call.
//
// The package owns the panel and nothing else. It declares what it needs:
//
//   - [Phone]: the call engine's methods a button press uses (call.Client has them);
//   - [Chip]: lines to read and drive. [OpenChip] opens a real chip through
//     periph.io's gpioioctl driver (the GPIO character device, uAPI v2), which
//     works on the Pi 3, 4 and 5 alike; [PinChip] wraps periph pins such as
//     gpiotest fakes for tests;
//   - [clock.Clock]: debounce, long presses, blink patterns and relay pulses
//     all run on it, so tests drive them with a fake clock.
//
// A [Panel] runs one goroutine per button line (it waits for edges); debounce,
// blink and pulse timers run on the clock. The daemon feeds the panel call
// events ([Panel.HandleEvent]), broker connectivity ([Panel.SetOnline]) and
// door requests ([Panel.OpenDoor]), and closes it on shutdown ([Panel.Close]),
// which drives every LED and the relay off and releases the lines.
//
// See README.md for wiring, configuration and the LED patterns.
package gpio
